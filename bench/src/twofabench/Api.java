package twofabench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A server's API (or a mock's) over java.net.http, JSON with Jackson: the set-up of the accounts, the probes
 * that wait for a server to serve, and the requests of the fixed-rate run.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status, its body as text and as JSON (missing when the body is not JSON). */
    record Answer(int status, String text, JsonNode json) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body(), parse(response.body()));
        }

        /** The answer in a few words, for a failure message. */
        String describe() {
            return status + " " + (text.length() > 300 ? text.substring(0, 300) : text);
        }
    }

    private final Target target;
    private final HttpClient client;
    private final Duration timeout;

    Api(Target target) {
        this(target, Duration.ofSeconds(30));
    }

    Api(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
        // Answers are handled on the client's own selector thread: the callbacks only start the next request, and
        // handing each answer to a pool thread cost the fixed-rate run about half a core at a few hundred flows per s
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Runnable::run)
                .build();
    }

    Target target() {
        return target;
    }

    Answer get(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).GET().build());
    }

    Answer post(String path, String key, Object body) throws IOException, InterruptedException {
        return send(post(path, key, JSON.writeValueAsBytes(body)));
    }

    Answer delete(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).DELETE().build());
    }

    /** The same POST, asynchronously. */
    CompletableFuture<Answer> postAsync(String path, String key, Object body) {
        try {
            return client.sendAsync(post(path, key, JSON.writeValueAsBytes(body)), HttpResponse.BodyHandlers.ofString())
                    .thenApply(Answer::of);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpRequest post(String path, String key, byte[] json) {
        return request(path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.uri(path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (key != null) {
            builder.header("apiKey", key);
        }
        return builder;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        return Answer.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Whether an authenticated GET of {@code path} with {@code key} answers 200 (false while nothing listens). */
    boolean serves(String path, String key) {
        try {
            return get(path, key).status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether anything answers a GET of {@code path}, whatever the status. */
    boolean answers(String path) {
        try {
            return get(path, null).status() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
