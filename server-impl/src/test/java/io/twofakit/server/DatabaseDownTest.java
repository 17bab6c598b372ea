package io.twofakit.server;

import static io.twofakit.server.HttpClientSupport.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose database goes away tells the truth and fails fast: readiness answers 503 DOWN while liveness
 * stays UP, an API request answers the documented 503 within a few seconds instead of hanging, and everything
 * recovers by itself when the database is back. The database is H2 behind its TCP server, stopped and started
 * again by the test.
 */
class DatabaseDownTest {

    private static final String KEY = "key-for-acme-1";

    @TempDir
    Path folder;

    @Test
    void readinessAndRequestsAnswer503QuicklyWhileTheDatabaseIsDownAndRecoverWhenItIsBack() throws SQLException {
        Server database = Server.createTcpServer("-tcpPort", "0", "-baseDir", folder.toString(), "-ifNotExists").start();
        int port = database.getPort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/twofa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        try (TwofaServer server = TwofaServer.start(new ServerConfig(0, url, Map.of(KEY, "acme"), false, true))) {
            HttpClientSupport http = new HttpClientSupport(URI.create(server.baseUri() + "/"));
            OtpTestApi api = new OtpTestApi(server);
            assertEquals(200, http.send(http.request("health/ready").GET()).statusCode());
            assertEquals(200, api.send(KEY, "GET", "2fa/v4/templates/sms", null).statusCode());

            database.stop();

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    http.send(http.request("health/ready").GET()).statusCode() == 503);
            HttpResponse<String> ready = http.send(http.request("health").GET());
            assertEquals(503, ready.statusCode());
            assertEquals("DOWN", json(ready).get("status").asText());
            assertEquals("DOWN", json(ready).get("checks").get("database").asText());
            assertEquals(200, http.send(http.request("health/live").GET()).statusCode(), "the process is alive");

            // the client gives up after 10 s (HttpClientSupport): a request that hung as before (31 s) fails here
            HttpResponse<String> refused = api.send(KEY, "GET", "2fa/v4/templates/sms", null);
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("Service Unavailable", json(refused).get("title").asText());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());

            database = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", folder.toString(),
                    "-ifNotExists").start();

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.send(KEY, "GET", "2fa/v4/templates/sms", null).statusCode() == 200);
            assertEquals(200, http.send(http.request("health/ready").GET()).statusCode());
        } finally {
            database.stop();
        }
    }
}
