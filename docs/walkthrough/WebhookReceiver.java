import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A webhook receiver to try callback configurations with: prints every event posted to it and acknowledges it
 * (204). Needs nothing but Java 17, no build:
 *
 * <pre>java docs/walkthrough/WebhookReceiver.java [PORT]</pre>
 *
 * It listens on 127.0.0.1, port 8099 unless told otherwise, until it is stopped.
 */
public class WebhookReceiver {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                String event = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                System.out.println("[receiver] " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " event " + exchange.getRequestHeaders().getFirst("X-Twofa-Event-Id") + ": " + event);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        System.out.println("[receiver] listening on http://127.0.0.1:" + port + "/");
    }
}
