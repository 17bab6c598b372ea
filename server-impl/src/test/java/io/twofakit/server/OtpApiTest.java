package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OTP operations, their delivery, webhooks and the simulator's controls as {@link TwofaServer} wires them,
 * over HTTP. The rules themselves are tested on the services; the conformance suite covers them in full.
 */
class OtpApiTest {

    private static final String ACME = "key-for-acme-1";
    private static final String GLOBEX = "key-for-globex-1";
    private static final Pattern DIGITS = Pattern.compile("\\d{6}");
    private static TwofaServer server;
    private static OtpTestApi api;
    private static RecordingWebhookReceiver receiver;

    @BeforeAll
    static void start() {
        server = TwofaServer.start(new ServerConfig(0,
                "jdbc:h2:mem:otps-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                Map.of(ACME, "acme", GLOBEX, "globex"), false, true));
        api = new OtpTestApi(server);
        receiver = RecordingWebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        receiver.close();
    }

    @Test
    void anOtpIsDeliveredReadValidatedListedAndDeletedWithItsEventsPosted() {
        String profile = api.smsProfile(ACME, "Your code {{otp_code}} expires in {{expiration_time}} minutes");
        String callbackUrl = receiver.url("/hooks/" + UUID.randomUUID());
        api.callback(ACME, callbackUrl, profile);
        String to = OtpTestApi.newNumber();

        String id = api.sendOtp(ACME, to, profile, "\"sender\":\"ACME\"");

        await().atMost(10, TimeUnit.SECONDS).until(() -> api.messagesTo(ACME, to).size() == 1);
        JsonNode message = api.messagesTo(ACME, to).get(0);
        assertEquals("SMS", message.get("channel").asText());
        assertEquals("ACME", message.get("sender").asText());
        assertEquals(id, message.get("otpId").asText());
        assertEquals("DELIVERED", message.get("outcome").asText());
        Matcher code = DIGITS.matcher(message.get("text").asText());
        assertTrue(code.find(), message.toString());
        assertTrue(message.get("text").asText().endsWith("expires in 4 minutes"), message.toString());

        await().atMost(10, TimeUnit.SECONDS).until(() -> hooksFor(callbackUrl).size() == 2);
        List<RecordingWebhookReceiver.Received> hooks = hooksFor(callbackUrl);
        assertEquals(List.of("DISPATCHED", "DELIVERED"), hooks.stream().map(h -> h.json().get("status").asText()).toList());
        assertEquals("s3cret", hooks.get(0).header("X-Auth"));
        assertFalse(hooks.get(0).header("X-Twofa-Event-Id").equals(hooks.get(1).header("X-Twofa-Event-Id")));

        JsonNode read = expect(200, api.send(ACME, "GET", "2fa/v4/otp/" + id, null));
        assertEquals("ACTIVE", read.get("otpStatus").asText());
        assertEquals(to, read.get("to").asText());
        assertEquals(3, read.get("allowedAttempts").asInt());
        assertEquals(Duration.ofMinutes(4), Duration.between(Instant.parse(read.get("otpCreated").asText()),
                Instant.parse(read.get("otpExpire").asText())));

        assertEquals("WRONG_CODE", expect(200, api.send(ACME, "POST", "2fa/v4/otp/" + id + "/validate",
                "{\"otpCode\":\"wrong-1\"}")).get("otpStatus").asText());
        assertEquals("VERIFIED", expect(200, api.send(ACME, "POST", "2fa/v4/otp/" + id + "/validate",
                "{\"otpCode\":\"" + code.group() + "\"}")).get("otpStatus").asText());
        assertEquals("ALREADY_REPORTED", expect(200, api.send(ACME, "POST", "2fa/v4/otp/" + id + "/validate",
                "{\"otpCode\":\"" + code.group() + "\"}")).get("otpStatus").asText());

        JsonNode listed = expect(200, api.send(ACME, "GET", "2fa/v4/otp?to=%2B" + to.substring(1) + "&otpStatus=VERIFIED", null));
        assertEquals(1, listed.size());
        assertEquals(2, listed.get(0).get("attemptCount").asInt());
        assertEquals(0, expect(200, api.send(GLOBEX, "GET", "2fa/v4/otp?to=%2B" + to.substring(1), null)).size());
        expect(404, api.send(GLOBEX, "GET", "2fa/v4/otp/" + id, null));

        expect(200, api.send(ACME, "DELETE", "2fa/v4/otp/" + id, null));
        JsonNode gone = expect(404, api.send(ACME, "GET", "2fa/v4/otp/" + id, null));
        assertEquals(id, gone.get("resourceId").asText());
    }

    @Test
    void theDeliveredEventReachesTheCallbackWithinAFractionOfASecond() {
        String profile = api.smsProfile(ACME, "{{otp_code}}");
        String callbackUrl = receiver.url("/latency/" + UUID.randomUUID());
        api.callback(ACME, callbackUrl, profile);
        int rounds = 30;
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long sentAt = System.nanoTime();
            api.sendOtp(ACME, OtpTestApi.newNumber(), profile, null);
            int expected = 2 * (i + 1);
            await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(2))
                    .until(() -> hooksFor(callbackUrl).size() == expected);
            RecordingWebhookReceiver.Received delivered = hooksFor(callbackUrl).get(expected - 1);
            assertEquals("DELIVERED", delivered.json().get("status").asText());
            latencies.add(TimeUnit.NANOSECONDS.toMicros(delivered.arrivedNanos() - sentAt));
        }
        List<Long> warm = latencies.subList(rounds / 3, rounds).stream().sorted().toList();
        long median = warm.get(warm.size() / 2);
        System.out.printf("send -> DELIVERED webhook: first %.1f ms; after warm-up median %.1f ms, max %.1f ms (%d OTPs)%n",
                latencies.get(0) / 1000.0, median / 1000.0, warm.get(warm.size() - 1) / 1000.0, warm.size());
        assertTrue(median < 1_000_000, "median latency " + median + " us");
    }

    private static List<RecordingWebhookReceiver.Received> hooksFor(String url) {
        String path = URI.create(url).getPath();
        return receiver.received().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void theSimulatorsClockExpiresTheOtpsOfItsAccountOnly() {
        String profile = api.smsProfile(ACME, "{{otp_code}}");
        String id = expect(202, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"" + OtpTestApi.newNumber() + "\",\"profileName\":\"" + profile + "\",\"otpCode\":\"4711\"}")).get("id").asText();
        String othersProfile = api.smsProfile(GLOBEX, "{{otp_code}}");
        String othersId = expect(202, api.send(GLOBEX, "POST", "2fa/v4/otp", "{\"to\":\"" + OtpTestApi.newNumber()
                + "\",\"profileName\":\"" + othersProfile + "\",\"otpCode\":\"4711\"}")).get("id").asText();
        Instant before = Instant.parse(expect(200, api.send(ACME, "GET", "simulator/clock", null)).get("now").asText());

        Instant after = Instant.parse(expect(200, api.send(ACME, "POST", "simulator/clock", "{\"advanceSeconds\":240}"))
                .get("now").asText());

        assertTrue(!after.isBefore(before.plusSeconds(240)), before + " -> " + after);
        assertEquals("EXPIRED", expect(200, api.send(ACME, "GET", "2fa/v4/otp/" + id, null)).get("otpStatus").asText());
        assertEquals("EXPIRED", expect(200, api.send(ACME, "POST", "2fa/v4/otp/" + id + "/validate",
                "{\"otpCode\":\"4711\"}")).get("otpStatus").asText());

        Instant othersNow = Instant.parse(expect(200, api.send(GLOBEX, "GET", "simulator/clock", null)).get("now").asText());
        assertTrue(othersNow.isBefore(before.plusSeconds(240)), "the other account's clock moved: " + othersNow);
        assertEquals("ACTIVE", expect(200, api.send(GLOBEX, "GET", "2fa/v4/otp/" + othersId, null))
                .get("otpStatus").asText(), "the other account's OTP expired");

        expect(400, api.send(ACME, "POST", "simulator/clock", "{\"advanceSeconds\":-1}"));
        expect(400, api.send(ACME, "POST", "simulator/clock", "{\"advanceSeconds\":\"soon\"}"));
        expect(400, api.send(ACME, "POST", "simulator/clock", "{}"));
    }

    @Test
    void everyControlOfTheSimulatorNeedsAKey() {
        for (String[] control : new String[][] {{"GET", "simulator/messages"}, {"GET", "simulator/webhooks"},
                {"GET", "simulator/clock"}, {"POST", "simulator/clock"}, {"GET", "simulator;x=1/messages"}}) {
            String body = control[0].equals("POST") ? "{\"advanceSeconds\":600}" : null;
            JsonNode refused = expect(401, api.send(null, control[0], control[1], body));
            assertEquals("No API key found in request", refused.get("detail").asText(), control[1]);
            assertEquals(401, refused.get("status").asInt());
            assertEquals("Invalid API key", expect(401, api.send("unknown-key-1", control[0], control[1], body))
                    .get("detail").asText(), control[1]);
        }
    }

    @Test
    void anAccountSeesOnlyItsOwnMessagesAndWebhookDeliveries() {
        String profile = api.smsProfile(ACME, "Code {{otp_code}}");
        String callbackUrl = receiver.url("/hooks/" + UUID.randomUUID());
        api.callback(ACME, callbackUrl, profile);
        String to = OtpTestApi.newNumber();
        String id = api.sendOtp(ACME, to, profile, null);
        await().atMost(10, TimeUnit.SECONDS).until(() -> hooksFor(callbackUrl).size() == 2);

        assertEquals(1, api.messagesTo(ACME, to).size());
        assertEquals(List.of(), api.messagesTo(GLOBEX, to), "another account's messages are never shown");
        assertTrue(otpIds(expect(200, api.send(ACME, "GET", "simulator/messages", null))).contains(id));
        assertFalse(otpIds(expect(200, api.send(GLOBEX, "GET", "simulator/messages", null))).contains(id));

        JsonNode mine = expect(200, api.send(ACME, "GET", "simulator/webhooks", null));
        assertEquals(List.of("DELIVERED", "DISPATCHED"), StreamSupport.stream(mine.spliterator(), false)
                .filter(w -> w.get("otpId").asText().equals(id)).map(w -> w.get("eventStatus").asText()).toList());
        assertFalse(otpIds(expect(200, api.send(GLOBEX, "GET", "simulator/webhooks", null))).contains(id));
    }

    private static List<String> otpIds(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(m -> m.get("otpId").asText()).toList();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String profile = api.smsProfile(ACME, "{{otp_code}}");
        assertEquals("otp-id", expect(400, api.send(ACME, "GET", "2fa/v4/otp/not-a-uuid", null))
                .get("violations").get(0).get("field").asText());
        expect(400, api.send(ACME, "DELETE", "2fa/v4/otp/not-a-uuid", null));
        expect(400, api.send(ACME, "POST", "2fa/v4/otp/not-a-uuid/validate", "{\"otpCode\":\"1234\"}"));
        expect(404, api.send(ACME, "POST", "2fa/v4/otp/" + UUID.randomUUID() + "/validate", "{\"otpCode\":\"1234\"}"));
        expect(404, api.send(ACME, "DELETE", "2fa/v4/otp/" + UUID.randomUUID(), null));
        assertEquals("otpStatus", expect(400, api.send(ACME, "GET", "2fa/v4/otp?otpStatus=ACTIVE", null))
                .get("violations").get(0).get("field").asText());
        assertEquals(List.of("profileName", "to"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp", "{}"))));
        assertEquals(List.of("to"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"0176 123\",\"profileName\":\"" + profile + "\"}"))));
        assertEquals(List.of("otpCode"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"+4917612345678\",\"profileName\":\"" + profile + "\",\"otpCode\":\"ABCD\"}"))));
        assertEquals(List.of("profileName"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"+4917612345678\",\"profileName\":\"no-such-profile\"}"))));
        assertEquals(List.of("priorityName"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"+4917612345678\",\"profileName\":\"" + profile + "\",\"priorityName\":\"none\"}"))));
        assertEquals(List.of("languageCode"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"+4917612345678\",\"profileName\":\"" + profile + "\",\"languageCode\":\"xx\"}"))));
        assertEquals(List.of("languageCode"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"+4917612345678\",\"profileName\":\"" + profile + "\",\"languageCode\":\"de\"}"))));
        assertEquals(List.of("profileName"), fields(expect(400, api.send(ACME, "POST", "2fa/v4/otp",
                "{\"to\":\"+4917612345678\",\"profileName\":\"" + "p".repeat(100_000) + "\"}"))));
        expect(400, api.send(ACME, "POST", "2fa/v4/otp/" + UUID.randomUUID() + "/validate", "{}"));
        expect(400, api.send(ACME, "POST", "2fa/v4/otp/" + UUID.randomUUID() + "/validate", "{\"otpCode\":12345}"));
        expect(400, api.send(ACME, "POST", "2fa/v4/otp", "null"));
        expect(400, api.send(ACME, "POST", "2fa/v4/otp", "[]"));
    }

    private static List<String> fields(JsonNode violations) {
        return java.util.stream.StreamSupport.stream(violations.get("violations").spliterator(), false)
                .map(v -> v.get("field").asText()).sorted().toList();
    }

    @Test
    void theSimulatorPageHoldsNoDataAndKeepsTheKeyInTheBrowserSession() {
        String profile = api.smsProfile(ACME, "<b>{{otp_code}}</b>");
        String to = OtpTestApi.newNumber();
        api.sendOtp(ACME, to, profile, "\"sender\":\"<script>alert(1)</script>\"");
        await().atMost(10, TimeUnit.SECONDS).until(() -> api.messagesTo(ACME, to).size() == 1);

        HttpResponse<String> page = api.send(null, "GET", "simulator", null);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("connect-src 'self'"));
        assertFalse(page.body().contains(to), "the page shows an account's data without a key");
        assertFalse(page.body().contains("alert(1)"), "the page shows an account's data without a key");
        assertTrue(page.body().contains("sessionStorage"), "the key is kept for the browser session");
        assertFalse(page.body().contains("localStorage"), "the key outlives the browser session");
        assertTrue(page.body().contains("\"apiKey\": sessionStorage.getItem(KEY)"), "the key goes in the apiKey header");
        assertFalse(page.body().contains("innerHTML"), "values from clients must go into the page as text");
    }
}
