package io.twofakit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessServerTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void servesTheApiWithItsKeysUntilClosedAndThenItsDatabaseIsGone() throws Exception {
        InProcessServer server = InProcessServer.withApiKey("in-process-key-a", "shop")
                .apiKey("in-process-key-b", "partner")
                .start();
        URI base = server.baseUri();
        String databaseUrl = server.databaseUrl();
        try {
            assertEquals("127.0.0.1", base.getHost());
            assertTrue(base.getPort() > 0, base::toString);
            assertEquals(List.of("in-process-key-a", "in-process-key-b"), List.copyOf(server.apiKeys().keySet()));
            assertEquals(Map.of("in-process-key-a", "shop", "in-process-key-b", "partner"), server.apiKeys());
            assertEquals(200, get(base, "in-process-key-b").statusCode());
            assertEquals(401, get(base, "not-a-key-of-it").statusCode());
        } finally {
            server.close();
        }

        assertThrows(ConnectException.class, () -> get(base, "in-process-key-a"));
        assertThrows(SQLException.class, () -> DriverManager.getConnection(databaseUrl + ";IFEXISTS=TRUE").close(),
                "the database is dropped");
    }

    private HttpResponse<String> get(URI base, String apiKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/2fa/v4/templates/sms")).header("apiKey", apiKey).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
