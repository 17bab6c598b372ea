package io.twofakit.server.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A reverse proxy in front of a real server that passes every exchange through unchanged, except the
 * answers its {@link Alteration} rewrites: a deliberately wrong target for proving that the conformance
 * suite notices what is wrong.
 *
 * <p>Webhooks take the same way: callback URLs on this machine that the suite registers are rewritten to
 * the proxy's relay ({@code /relay/<port>/<path>}), which posts each event on to the suite's receiver unless
 * the alteration drops it. The server then stores the relay's URL, so scenarios that read a callback URL back
 * see a different one; the features judged here do not.
 */
final class AlteringProxy implements AutoCloseable {

    /** A rewrite of some answers of the target; {@link #NONE} passes everything through. */
    @FunctionalInterface
    interface Alteration {
        Alteration NONE = (method, path, answer) -> answer;

        Answer alter(String method, String path, Answer answer);

        /** Whether the relay swallows this webhook event (acknowledging it, so the server never repeats it). */
        default boolean dropsWebhook(String event) {
            return false;
        }
    }

    private static final Pattern LOCAL_CALLBACK_URL =
            Pattern.compile("\"url\"\\s*:\\s*\"http://(?:127\\.0\\.0\\.1|localhost):(\\d+)/");

    /** An answer of the target: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        Answer withStatus(int newStatus) {
            return new Answer(newStatus, contentType, body);
        }

        Answer withBody(String newBody) {
            return new Answer(status, contentType, newBody);
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "connection", "content-length", "transfer-encoding", "upgrade", "expect", "http2-settings", "keep-alive");

    private final URI target;
    private final Alteration alteration;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    AlteringProxy(URI target, Alteration alteration) throws IOException {
        this.target = target;
        this.alteration = alteration;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.createContext("/relay/", this::relay);
        server.setExecutor(workers);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/2fa/v4/configurations/callbacks")) {
                requestBody = LOCAL_CALLBACK_URL.matcher(new String(requestBody, StandardCharsets.UTF_8))
                        .replaceAll("\"url\":\"" + uri() + "/relay/$1/")
                        .getBytes(StandardCharsets.UTF_8);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            Answer answer = alteration.alter(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new Answer(response.statusCode(), contentType, response.body()));
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().put("Content-Type", List.of(answer.contentType()));
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Posts a webhook event on to {@code http://127.0.0.1:<port>/<path>}, unless the alteration drops it. */
    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] event;
            try (InputStream in = exchange.getRequestBody()) {
                event = in.readAllBytes();
            }
            if (alteration.dropsWebhook(new String(event, StandardCharsets.UTF_8))) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            String rest = exchange.getRequestURI().toString().substring("/relay/".length());
            int slash = rest.indexOf('/');
            URI receiver = URI.create("http://127.0.0.1:" + rest.substring(0, slash) + rest.substring(slash));
            HttpRequest.Builder request = HttpRequest.newBuilder(receiver)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            try {
                HttpResponse<Void> answer = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                exchange.sendResponseHeaders(answer.statusCode(), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
