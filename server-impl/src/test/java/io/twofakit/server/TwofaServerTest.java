package io.twofakit.server;

import static io.twofakit.server.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole server as {@code main} starts it, on a free port and an in-memory database. */
class TwofaServerTest {

    private static TwofaServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        server = TwofaServer.start(new ServerConfig(0,
                "jdbc:h2:mem:twofa-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                Map.of("key-for-acme-1", "acme"), false, true));
        http = new HttpClientSupport(URI.create(server.baseUri() + "/"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheStartWithItsReason() {
        ServerConfig unreachable = new ServerConfig(0, "jdbc:postgresql://127.0.0.1:1/twofa?user=nobody",
                Map.of("key-for-acme-1", "acme"), false, true).withDatabaseWait(Duration.ZERO);

        RuntimeException e = assertThrows(RuntimeException.class, () -> TwofaServer.start(unreachable));

        assertTrue(String.valueOf(e.getMessage()).contains("Connection to 127.0.0.1:1 refused"), e.toString());
    }

    @Test
    void listensOnTheFreePortItWasGiven() {
        assertNotEquals(0, server.port());
        assertEquals("http://127.0.0.1:" + server.port(), server.baseUri().toString());
    }

    @Test
    void listensOnThisMachineOnlyUnlessToldToListenOnEveryInterface() {
        InetAddress external = externalAddress();

        assertFalse(accepts(external, server.port()), "reachable from other machines at " + external);

        try (TwofaServer open = TwofaServer.start(new ServerConfig(0, "jdbc:h2:mem:open-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", Map.of("key-for-acme-1", "acme"), false, true)
                .withHost("0.0.0.0"))) {
            assertTrue(accepts(external, open.port()), "--host 0.0.0.0 should listen on " + external);
            assertEquals("http://localhost:" + open.port(), open.baseUri().toString());
        }
    }

    /** An IPv4 address of this machine that other machines could connect to (not a loopback address). */
    private static InetAddress externalAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address;
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        Assumptions.abort("This machine has no network interface besides loopback to try");
        return null;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void theStartUpLogShowsNoDatabasePassword() {
        Logger serverLog = Logger.getLogger(TwofaServer.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        serverLog.addHandler(capture);
        try (TwofaServer withPassword = TwofaServer.start(new ServerConfig(0, "jdbc:h2:mem:pw-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;USER=twofa;PASSWORD=hunter2-in-clear",
                Map.of("key-for-acme-1", "acme"), false, true))) {
            assertTrue(lines.stream().anyMatch(line -> line.contains("Listening on") && line.contains("PASSWORD=***")),
                    lines::toString);
            assertTrue(lines.stream().noneMatch(line -> line.contains("hunter2")), lines::toString);
        } finally {
            serverLog.removeHandler(capture);
        }
    }

    @Test
    void healthNeedsNoKey() {
        HttpResponse<String> response = http.send(http.request("health").GET());
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void apiWithoutKeyIsUnauthorized() {
        HttpResponse<String> response = http.send(http.request("2fa/v4/templates/sms").GET());
        assertEquals(401, response.statusCode());
        assertEquals("No API key found in request", json(response).get("detail").asText());
    }

    @Test
    void apiWithUnknownKeyIsUnauthorized() {
        HttpResponse<String> response = http.send(http.request("2fa/v4/templates/sms").header("apiKey", "other-key").GET());
        assertEquals(401, response.statusCode());
        assertEquals("Invalid API key", json(response).get("detail").asText());
    }

    @Test
    void answersClientsThatOfferAnUpgradeToHttp2() throws Exception {
        // Java's HttpClient offers "Upgrade: h2c" by default; the server stays on HTTP/1.1 and answers normally.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> health = client.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/health"))
                .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> post = client.send(java.net.http.HttpRequest.newBuilder(
                        server.baseUri().resolve("/2fa/v4/templates/sms"))
                .header("apiKey", "key-for-acme-1").header("Content-Type", "application/json")
                .timeout(java.time.Duration.ofSeconds(10))
                .POST(BodyPublishers.ofString("{\"name\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(post.statusCode() >= 400, post.statusCode() + " " + post.body());
        assertEquals("application/json", post.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void unimplementedOperationIsNeverASuccess() {
        HttpResponse<String> response = http.send(http.request("2fa/v4/templates/sms").header("apiKey", "key-for-acme-1")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\":")));
        assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }
}
