package io.twofakit.server;

import static io.twofakit.server.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template operations as {@link TwofaServer} wires them, over HTTP: that every operation reaches its
 * service with the caller's account and answers in the contract's shapes. The rules themselves are tested
 * on the services; the conformance suite covers the operations in full.
 */
class TemplateApiTest {

    private static final String ACME = "key-for-acme-1";
    private static final String GLOBEX = "key-for-globex-1";
    private static TwofaServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        // a review that does not finish during the test, so that what is read is known
        server = TwofaServer.start(new ServerConfig(0,
                "jdbc:h2:mem:templates-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                Map.of(ACME, "acme", GLOBEX, "globex"), false, true).withWhatsAppReviewDelay(Duration.ofDays(1)));
        http = new HttpClientSupport(URI.create(server.baseUri() + "/"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(String key, String method, String path, String body) {
        HttpRequest.Builder request = http.request("2fa/v4/" + path).header("apiKey", key);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response.body().isEmpty() ? null : json(response);
    }

    private static String unique(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "viber", "voice"})
    void aTextTemplateGoesThroughItsWholeLife(String channel) {
        String name = unique("welcome");
        String id = expect(201, send(ACME, "POST", "templates/" + channel,
                "{\"name\":\"" + name + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}")).get("id").asText();

        JsonNode read = expect(200, send(ACME, "GET", "templates/" + channel + "/" + id, null));
        assertEquals(channel.toUpperCase(), read.get("channel").asText());
        assertEquals(name, read.get("name").asText());
        assertEquals(3, read.get("codeExpirationTime").asInt());

        expect(200, send(ACME, "PATCH", "templates/" + channel + "/" + id, "{\"codeExpirationTime\":9}"));
        JsonNode listed = expect(200, send(ACME, "GET", "templates/" + channel + "?name=" + name + "&language=en_US", null));
        assertEquals(1, listed.size());
        assertEquals(9, listed.get(0).get("codeExpirationTime").asInt());
        assertEquals("Code {{otp_code}}", listed.get(0).get("message").asText());

        expect(200, send(ACME, "DELETE", "templates/" + channel + "/" + id, null));
        JsonNode missing = expect(404, send(ACME, "GET", "templates/" + channel + "/" + id, null));
        assertEquals(id, missing.get("templateId").asText());
    }

    @Test
    void anotherAccountCannotReachATemplate() {
        String id = expect(201, send(ACME, "POST", "templates/sms",
                "{\"name\":\"" + unique("mine") + "\",\"language\":\"en\",\"message\":\"{{otp_code}}\"}")).get("id").asText();

        expect(404, send(GLOBEX, "GET", "templates/sms/" + id, null));
        expect(404, send(GLOBEX, "PATCH", "templates/sms/" + id, "{\"name\":\"stolen\"}"));
        expect(404, send(GLOBEX, "DELETE", "templates/sms/" + id, null));
        assertFalse(send(GLOBEX, "GET", "templates", null).body().contains(id));
        expect(200, send(ACME, "GET", "templates/sms/" + id, null));
    }

    @Test
    void aNumberIsNotTakenForAName() {
        JsonNode body = expect(400, send(ACME, "POST", "templates/voice",
                "{\"name\":42,\"language\":\"en\",\"message\":\"{{otp_code}}\"}"));
        assertEquals("name", body.at("/violations/0/field").asText());
        assertEquals("must be a string", body.at("/violations/0/message").asText());
    }

    @Test
    void whatsAppTemplatesNeedTheConfigurationAndAreListedWithEveryChannel() {
        String submit = "{\"name\":\"" + unique("otp_login") + "\",\"language\":\"en\"}";
        JsonNode forbidden = expect(403, send(GLOBEX, "POST", "templates/whatsapp", submit));
        assertEquals("Missing WhatsApp Configuration", forbidden.get("title").asText());
        expect(404, send(GLOBEX, "GET", "configurations/channels/whatsapp", null));

        String whatsAppAccount = UUID.randomUUID().toString();
        expect(201, send(GLOBEX, "POST", "configurations/channels/whatsapp", "{\"whatsAppAccountId\":\"" + whatsAppAccount + "\"}"));
        assertEquals(whatsAppAccount, expect(200, send(GLOBEX, "GET", "configurations/channels/whatsapp", null))
                .get("whatsAppAccountId").asText());
        assertEquals("WhatsApp configuration already exist.", expect(409, send(GLOBEX, "POST",
                "configurations/channels/whatsapp", "{\"whatsAppAccountId\":\"" + whatsAppAccount + "\"}")).get("detail").asText());

        expect(201, send(GLOBEX, "POST", "templates/whatsapp", submit));
        JsonNode found = expect(200, send(GLOBEX, "GET", "templates/whatsapp?language=en", null));
        assertEquals(1, found.size());
        JsonNode template = found.get(0);
        assertEquals(whatsAppAccount, template.get("accountId").asText());
        assertEquals("PENDING", template.get("status").asText());
        assertEquals("OTP", template.get("type").asText());
        assertTrue(template.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"),
                template.toString());
        String templateId = template.get("templateId").asText();

        JsonNode all = expect(200, send(GLOBEX, "GET", "templates", null));
        assertEquals(1, all.size());
        assertEquals("WHATSAPP", all.get(0).get("channel").asText());
        assertEquals(templateId, all.get(0).get("id").asText());

        expect(204, send(GLOBEX, "DELETE", "templates/whatsapp/" + templateId, null));
        assertEquals(templateId, expect(404, send(GLOBEX, "DELETE", "templates/whatsapp/" + templateId, null))
                .get("templateId").asText());
    }
}
