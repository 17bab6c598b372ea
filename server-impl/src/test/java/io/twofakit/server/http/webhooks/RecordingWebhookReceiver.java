package io.twofakit.server.http.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A callback receiver for tests: records every POST (headers and body) and answers 200, or the status it
 * was told to answer for the next requests. Listens on a free port, or on a given one.
 */
public final class RecordingWebhookReceiver implements AutoCloseable {

    /**
     * One request as received; header names in lower case.
     *
     * @param arrivedNanos {@link System#nanoTime()} when the request arrived
     */
    public record Received(String path, Map<String, String> headers, String body, long arrivedNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>(new CountDownLatch(0));

    private RecordingWebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                long arrived = System.nanoTime();
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                try {
                    held.get().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failureStatus : 200;
                synchronized (received) {
                    received.add(new Received(exchange.getRequestURI().getPath(), headers, text, arrived));
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** A receiver on a free port. */
    public static RecordingWebhookReceiver start() {
        return new RecordingWebhookReceiver(0);
    }

    /** A receiver on {@code port} (e.g. one chosen before, where nothing listened for a while). */
    public static RecordingWebhookReceiver startOn(int port) {
        return new RecordingWebhookReceiver(port);
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code status} to the next {@code times} requests (recording them all the same). */
    public void failNext(int times, int status) {
        failureStatus = status;
        failuresLeft.set(times);
    }

    /** Holds every request unanswered (a slow receiver) until {@link #releaseAnswers()}. */
    public void holdAnswers() {
        held.set(new CountDownLatch(1));
    }

    /** Answers the held requests, and the next ones at once. */
    public void releaseAnswers() {
        held.get().countDown();
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        releaseAnswers();
        server.stop(0);
        executor.shutdownNow();
    }
}
