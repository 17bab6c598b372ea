package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.config.AbuseLimits;
import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.domain.limits.RateLimit;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits against abuse over HTTP, as {@link TwofaServer} wires them: 429 in the API's error shape with
 * {@code Retry-After}. Each test starts a server of its own: the limit of invalid keys blocks this test's address.
 */
class AbuseLimitsApiTest {

    private static final String KEY = "key-for-acme-1";
    private TwofaServer server;

    private OtpTestApi start(AbuseLimits limits) {
        server = TwofaServer.start(new ServerConfig(0,
                "jdbc:h2:mem:limits-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                Map.of(KEY, "acme"), false, true).withLimits(limits));
        return new OtpTestApi(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anAddressThatPresentedTooManyInvalidKeysIsRefusedOnEveryApiRequestUntilTheWindowHasPassed() {
        OtpTestApi api = start(AbuseLimits.DEFAULTS.withFailedKeysPerAddress(
                Optional.of(new RateLimit(3, Duration.ofSeconds(2)))));
        for (int i = 0; i < 3; i++) {
            JsonNode refused = expect(401, api.send("wrong-key-" + i, "GET", "2fa/v4/templates/sms", null));
            assertEquals("Invalid API key", refused.get("detail").asText());
        }

        HttpResponse<String> blocked = api.send(KEY, "GET", "2fa/v4/templates/sms", null);

        assertTooManyRequests(blocked, 2, "Too many requests with an invalid API key from this address");
        assertTrue(blocked.body().contains("at most 3 in 2 seconds"), blocked.body());
        assertTooManyRequests(api.send(null, "POST", "2fa/v4/otp", "{}"), 2, "Too many requests");
        assertTooManyRequests(api.send("wrong-key-4", "DELETE", "2fa/v4/profiles/" + UUID.randomUUID(), null), 2,
                "Too many requests");
        expect(200, api.send(null, "GET", "health", null));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.send(KEY, "GET", "2fa/v4/templates/sms", null).statusCode() == 200);
    }

    @Test
    void aMissingKeyIsNotCountedAsAnInvalidOne() {
        OtpTestApi api = start(AbuseLimits.DEFAULTS.withFailedKeysPerAddress(
                Optional.of(new RateLimit(3, Duration.ofMinutes(1)))));
        for (int i = 0; i < 10; i++) {
            expect(401, api.send(null, "GET", "2fa/v4/templates/sms", null));
        }

        expect(200, api.send(KEY, "GET", "2fa/v4/templates/sms", null));
    }

    @Test
    void theSixthOtpToANumberWithinTenMinutesIsRefusedAndAnotherNumberIsNot() {
        OtpTestApi api = start(AbuseLimits.DEFAULTS);
        String profile = api.smsProfile(KEY, "Code {{otp_code}}");
        String to = OtpTestApi.newNumber();
        for (int i = 0; i < 5; i++) {
            api.sendOtp(KEY, to, profile, null);
        }

        HttpResponse<String> refused = api.send(KEY, "POST", "2fa/v4/otp",
                "{\"to\":\"" + to + "\",\"profileName\":\"" + profile + "\"}");

        assertTooManyRequests(refused, 600, "Too many OTPs sent to " + to + ": at most 5 in 10 minutes. Retry after ");
        assertEquals(5, expect(200, api.send(KEY, "GET", "2fa/v4/otp?to=" + to.replace("+", "%2B"), null)).size(),
                "the refused send stored no OTP");
        api.sendOtp(KEY, OtpTestApi.newNumber(), profile, null);
    }

    @Test
    void theSimulatorsClockMovingForwardLetsTheNumberPassTheWindow() {
        OtpTestApi api = start(AbuseLimits.DEFAULTS);
        String profile = api.smsProfile(KEY, "Code {{otp_code}}");
        String to = OtpTestApi.newNumber();
        for (int i = 0; i < 5; i++) {
            api.sendOtp(KEY, to, profile, null);
        }
        HttpResponse<String> refused = api.send(KEY, "POST", "2fa/v4/otp",
                "{\"to\":\"" + to + "\",\"profileName\":\"" + profile + "\"}");
        long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());

        expect(200, api.send(KEY, "POST", "simulator/clock", "{\"advanceSeconds\":" + wait + "}"));

        api.sendOtp(KEY, to, profile, null);
    }

    /** 429 {@code {status, title, detail}} as JSON, with {@code Retry-After} of 1 to {@code maxSeconds} seconds. */
    private static void assertTooManyRequests(HttpResponse<String> response, long maxSeconds, String detailStart) {
        JsonNode body = expect(429, response);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(429, body.get("status").asInt());
        assertEquals("Too Many Requests", body.get("title").asText());
        assertTrue(body.get("detail").asText().startsWith(detailStart), body.toString());
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= maxSeconds, "Retry-After " + retryAfter);
        assertTrue(body.get("detail").asText().endsWith("Retry after " + retryAfter + " second"
                + (retryAfter == 1 ? "" : "s") + "."), body.toString());
    }
}
