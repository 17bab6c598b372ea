package io.twofakit.server;

import static io.twofakit.server.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.http.RequestBodyLimit;
import io.twofakit.server.http.example.ExampleResource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's HTTP infrastructure (JSON, API keys, error mapping, limits) as it answers over a real socket,
 * with a test resource shaped like the generated ones.
 */
class HttpInfrastructureTest {

    private static final String KEY = "test-key-123";
    private static HttpServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() throws Exception {
        ServerConfig config = new ServerConfig(0, "jdbc:h2:mem:unused", Map.of(KEY, "acme"), false, true);
        ResourceConfig app = new ResourceConfig();
        TwofaServer.registerInfrastructure(app, config);
        app.register(new ExampleResource());
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, false);
        TwofaServer.configureHttp(server);
        server.start();
        http = new HttpClientSupport(URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/"));
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    private static HttpResponse<String> post(String body) {
        return http.send(http.request("2fa/v4/examples").header("apiKey", KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> get(String path) {
        return http.send(http.request(path).header("apiKey", KEY).GET());
    }

    private static JsonNode assertViolations(HttpResponse<String> response, String... fieldsAndMessages) {
        assertEquals(400, response.statusCode(), response.body());
        assertJson(response);
        JsonNode body = json(response);
        assertEquals(400, body.get("status").asInt());
        assertEquals("Constraint Violation", body.get("title").asText());
        JsonNode violations = body.get("violations");
        assertEquals(fieldsAndMessages.length / 2, violations.size(), body.toString());
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            assertEquals(fieldsAndMessages[i], violations.get(i / 2).get("field").asText(), body.toString());
            assertTrue(violations.get(i / 2).get("message").asText().startsWith(fieldsAndMessages[i + 1]),
                    body.toString());
        }
        return body;
    }

    private static JsonNode tree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertJson(HttpResponse<String> response) {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""),
                () -> response.headers().map() + " " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void validRequestReachesTheResourceWithItsAccount() {
        HttpResponse<String> response = post("{\"name\":\"n\",\"channels\":[{\"language\":\"en\",\"templates\":[\"t\"]}]}");
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("acme", body.get("account").asText());
        assertEquals("2024-01-02T03:04:00Z", body.get("createdAt").asText(), "ISO date with seconds");
        assertFalse(body.has("nothing"), "null properties are left out");
    }

    @Test
    void withoutKeyOrWithUnknownKeyTheRequestIsUnauthorized() {
        HttpResponse<String> none = http.send(http.request("2fa/v4/examples").GET());
        assertEquals(401, none.statusCode());
        assertJson(none);
        assertEquals(tree("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"No API key found in request\"}"),
                json(none));
        HttpResponse<String> unknown = http.send(http.request("2fa/v4/examples").header("apiKey", "nope-nope").GET());
        assertEquals(401, unknown.statusCode());
        assertEquals("Invalid API key", json(unknown).get("detail").asText());
    }

    @Test
    void malformedJsonIsAViolationOfTheBody() {
        assertViolations(post("{\"name\": "), "body", "is not valid JSON");
        assertViolations(post("not json"), "body", "is not valid JSON");
        assertViolations(post("{\"name\": \"n\", \"channels\": ["), "body", "is not valid JSON");
    }

    @Test
    void emptyOrNullBodyIsAViolationOfTheBody() {
        assertViolations(post(""), "body", "must not be null");
        assertViolations(post("null"), "body", "must not be null");
    }

    @Test
    void everyMissingRequiredFieldIsReported() {
        assertViolations(post("{}"), "channels", "must not be null", "name", "must not be null");
    }

    @Test
    void nestedFieldsAreNamedByTheirJsonPath() {
        assertViolations(post("{\"name\":\"n\",\"channels\":[{\"language\":\"en\",\"templates\":[\"a\"]},{\"language\":\"de\"}]}"),
                "channels[1].templates", "must not be null");
        assertViolations(post("{\"name\":\"n\",\"channels\":[{\"language\":\"en\",\"templates\":[\"a\", null]}]}"),
                "channels[0].templates[1]", "must not be null");
    }

    @Test
    void oneViolationPerBadField() {
        assertViolations(post("{\"name\":\"much too long\",\"attempts\":0,\"channels\":[]}"),
                "attempts", "must be greater than or equal to 1", "name", "size must be between 0 and 10");
    }

    @Test
    void wrongTypesAreNamedByTheirJsonPath() {
        assertViolations(post("{\"name\":\"n\",\"attempts\":\"three\",\"channels\":[]}"), "attempts", "must be an integer");
        assertViolations(post("{\"name\":\"n\",\"channels\":[{\"language\":\"fr\",\"templates\":[]}]}"),
                "channels[0].language", "must be one of [en, de]");
        assertViolations(post("{\"name\":\"n\",\"channels\":{}}"), "channels", "must be an array");
        assertViolations(post("[1]"), "body", "must be an object");
    }

    @Test
    void badParametersAreNamed() {
        assertViolations(get("2fa/v4/examples?language=xx"), "language", "is not a valid value");
        assertViolations(get("2fa/v4/examples?name=toolong"), "name", "size must be between 0 and 5");
        assertViolations(get("2fa/v4/examples/not-a-uuid"), "id", "is not a valid value");
        assertEquals(200, get("2fa/v4/examples?language=de").statusCode());
    }

    @Test
    void domainExceptionsHaveTheirShapes() {
        HttpResponse<String> notFound = get("2fa/v4/examples/6f1f2438-f1bf-4ba0-892a-d6a3f5692a11");
        assertEquals(404, notFound.statusCode());
        assertJson(notFound);
        assertEquals("6f1f2438-f1bf-4ba0-892a-d6a3f5692a11", json(notFound).get("resourceId").asText());

        HttpResponse<String> conflict = get("2fa/v4/examples/fail/conflict");
        assertEquals(409, conflict.statusCode());
        assertEquals(tree("{\"status\":409,\"title\":\"Conflict\",\"detail\":\"Profile with name p already exists.\","
                + "\"profileName\":\"p\"}"), json(conflict));
    }

    @Test
    void unknownPathIsA404InTheNotFoundShape() {
        HttpResponse<String> response = get("2fa/v4/nothing-here");
        assertEquals(404, response.statusCode());
        assertJson(response);
        assertEquals("No Resource Found", json(response).get("title").asText());
        assertEquals(404, http.send(http.request("nothing-here").GET()).statusCode(), "unguarded paths too");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = http.send(http.request("2fa/v4/examples").header("apiKey", KEY)
                .DELETE());
        assertEquals(405, response.statusCode());
        assertJson(response);
        assertEquals(405, json(response).get("status").asInt());
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"));
    }

    @Test
    void bodyThatIsNotJsonIs415() {
        HttpResponse<String> response = http.send(http.request("2fa/v4/examples").header("apiKey", KEY)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("hello")));
        assertEquals(415, response.statusCode());
        assertJson(response);
        assertEquals("Unsupported Media Type", json(response).get("title").asText());
    }

    @Test
    void unservableAcceptIs406() {
        HttpResponse<String> response = http.send(http.request("2fa/v4/examples").header("apiKey", KEY)
                .header("Accept", "text/html").GET());
        assertEquals(406, response.statusCode());
        assertJson(response);
    }

    @Test
    void bodyLargerThanTheLimitIs413() {
        byte[] big = new byte[(int) RequestBodyLimit.MAX_BYTES + 10];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> announced = http.send(http.request("2fa/v4/examples").header("apiKey", KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(big)));
        assertEquals(413, announced.statusCode());
        assertJson(announced);
        assertEquals("Payload Too Large", json(announced).get("title").asText());

        HttpResponse<String> chunked = http.send(http.request("2fa/v4/examples").header("apiKey", KEY)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertJson(chunked);
    }

    @Test
    void unexpectedErrorIs500WithAnIdOnly() {
        HttpResponse<String> response = get("2fa/v4/examples/fail/crash");
        assertEquals(500, response.statusCode());
        assertJson(response);
        JsonNode body = json(response);
        assertEquals("Internal Server Error", body.get("title").asText());
        assertTrue(body.get("detail").asText().startsWith("Unexpected error occurred on server (error id "));
        assertFalse(response.body().contains("secret internals"));
    }
}
