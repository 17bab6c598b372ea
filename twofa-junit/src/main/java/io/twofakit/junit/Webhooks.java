package io.twofakit.junit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Webhooks in the sandbox: a receiver on this machine that a test registers as a callback configuration
 * ({@link #url()}), what it received, and the server's own view of its deliveries ({@link #deliveries()}). The
 * receiver answers every request with 200; what it received is forgotten before each test.
 */
public final class Webhooks {

    /** How long {@link #awaitEvent} waits. */
    public static final Duration DELIVERY = Duration.ofSeconds(15);

    private final SandboxHttp http;
    private final HttpServer receiver;
    private final ExecutorService threads;
    private final List<Webhook> received = new ArrayList<>();

    Webhooks(SandboxHttp http) {
        this.http = http;
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox's webhook receiver cannot listen", e);
        }
        threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "twofa-sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        receiver.setExecutor(threads);
        receiver.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
                record(new Webhook(exchange.getRequestURI().getPath(), headers, body, parse(body)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
    }

    /** A webhook event as the receiver got it. */
    public record Webhook(String path, Map<String, String> headers, String body, JsonNode json) {

        public String otpId() {
            return json.path("otpId").asText(null);
        }

        /** DISPATCHED, DELIVERED, UNDELIVERABLE or TIMED_OUT. */
        public String status() {
            return json.path("status").asText(null);
        }

        /** SMS, VIBER, VOICE or WHATSAPP. */
        public String channel() {
            return json.path("channel").asText(null);
        }

        /** The id of the event, the same on every attempt to deliver it ({@code X-Twofa-Event-Id}). */
        public String eventId() {
            return headers.get("x-twofa-event-id");
        }
    }

    /** The server's view of one delivery of an event to a callback configuration ({@code GET /webhooks/deliveries}). */
    public record Delivery(String id, String eventId, String callbackId, String callbackUrl, String otpId,
                           String channel, String eventStatus, String state, int attempts, String lastError) {

        static Delivery of(JsonNode delivery) {
            return new Delivery(delivery.path("id").asText(), delivery.path("eventId").asText(),
                    delivery.path("callbackId").asText(), delivery.path("callbackUrl").asText(null),
                    delivery.path("otpId").asText(), delivery.path("channel").asText(),
                    delivery.path("eventStatus").asText(), delivery.path("state").asText(),
                    delivery.path("attempts").asInt(), delivery.path("lastError").asText(null));
        }
    }

    /**
     * The receiver's URL, e.g. {@code http://127.0.0.1:41235/webhooks}: give it as the {@code url} of a callback
     * configuration of the account. Any path below the receiver's address reaches it too.
     */
    public String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks";
    }

    /** Every event the receiver got during this test, in the order it got them. */
    public synchronized List<Webhook> received() {
        return List.copyOf(received);
    }

    /** The events the receiver got of one OTP, in order. */
    public List<Webhook> receivedFor(String otpId) {
        return received().stream().filter(webhook -> otpId.equals(webhook.otpId())).toList();
    }

    /** Waits up to {@link #DELIVERY} for an event of the OTP with this status, e.g. DELIVERED, and answers it. */
    public Webhook awaitEvent(String otpId, String status) {
        return awaitEvent(webhook -> otpId.equals(webhook.otpId()) && status.equals(webhook.status()));
    }

    /** Waits up to {@link #DELIVERY} for an event that {@code wanted} accepts, and answers the first. */
    public Webhook awaitEvent(Predicate<Webhook> wanted) {
        try {
            return await().atMost(DELIVERY).pollInterval(Duration.ofMillis(50))
                    .until(() -> received().stream().filter(wanted).findFirst(), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No such webhook event arrived within " + DELIVERY.toSeconds() + " s; received: "
                    + received().stream().map(Webhook::body).toList(), e);
        }
    }

    /** The account's webhook deliveries as the server keeps them, newest first: PENDING, DELIVERED or FAILED. */
    public List<Delivery> deliveries() {
        List<Delivery> deliveries = new ArrayList<>();
        http.get("/webhooks/deliveries").forEach(delivery -> deliveries.add(Delivery.of(delivery)));
        return deliveries;
    }

    /** Forgets what the receiver got so far. */
    public synchronized void clear() {
        received.clear();
    }

    void close() {
        receiver.stop(0);
        threads.shutdownNow();
    }

    private synchronized void record(Webhook webhook) {
        received.add(webhook);
    }

    private static JsonNode parse(String body) {
        try {
            return SandboxHttp.JSON.readTree(body);
        } catch (IOException notJson) {
            return SandboxHttp.JSON.missingNode();
        }
    }
}
