package io.twofakit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The suite's webhook receiver: an HTTP server that records every POST it gets, checks its body against the
 * contract's callback schema as it arrives, and answers 200, or, when told, an error status to the first
 * requests to a path (to see the server retry). One per JVM, shared by the scenarios; each scenario uses
 * paths of its own ({@link #url(String)}), so that its events are told apart from every other's.
 *
 * <p>It listens where {@link ConformanceConfig#callbackUrl()} says (that URL's port, every interface), or on
 * a free port of 127.0.0.1.
 */
public final class WebhookReceiver {

    /**
     * One request as received.
     *
     * @param headers header names in lower case
     * @param json the body as JSON, or null when it is not JSON
     * @param violations what is wrong with the body as a webhook event of the contract; empty when it conforms
     * @param answered the status the receiver answered
     */
    public record Event(String path, Map<String, String> headers, String body, JsonNode json, List<String> violations,
                        int answered, Instant arrived) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A field of the JSON body, or null. */
        public String field(String name) {
            return json == null || !json.hasNonNull(name) ? null : json.get(name).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver shared;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final CallbackContract contract = CallbackContract.load();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();

    private WebhookReceiver(ConformanceConfig config) {
        InetSocketAddress address = config.callbackUrl()
                .map(url -> new InetSocketAddress(portOf(url)))
                .orElseGet(() -> new InetSocketAddress("127.0.0.1", 0));
        try {
            server = HttpServer.create(address, 100);
        } catch (IOException e) {
            throw new UncheckedIOException("The webhook receiver cannot listen on " + address, e);
        }
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
                String path = exchange.getRequestURI().getPath();
                int status = answerFor(path, exchange.getRequestMethod());
                record(new Event(path, headers, body, parse(body), contract.violations(body), status, Instant.now()));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
        baseUrl = config.callbackUrl().orElse("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The receiver of this JVM, started on first use. */
    public static synchronized WebhookReceiver shared(ConformanceConfig config) {
        if (shared == null) {
            shared = new WebhookReceiver(config);
        }
        return shared;
    }

    /** Stops the receiver of this JVM, if one was started. */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.server.stop(0);
            shared.executor.shutdownNow();
            shared = null;
        }
    }

    /** The URL at which the server under test posts to {@code path} of this receiver. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** Answers {@code status} to the next {@code times} requests to {@code path}, then 200 again. */
    public void failNext(String path, int times, int status) {
        failureStatus.put(path, status);
        failuresLeft.put(path, new AtomicInteger(times));
    }

    /** What arrived at {@code path}, in order of arrival. */
    public List<Event> eventsAt(String path) {
        synchronized (events) {
            return events.stream().filter(e -> e.path().equals(path)).toList();
        }
    }

    private int answerFor(String path, String method) {
        if (!method.equals("POST")) {
            return 405;
        }
        AtomicInteger left = failuresLeft.get(path);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return failureStatus.getOrDefault(path, 500);
        }
        return 200;
    }

    private void record(Event event) {
        synchronized (events) {
            events.add(event);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static int portOf(String url) {
        URI uri = URI.create(url);
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
