package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.domain.webhook.WebhookSettings;
import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook events are durable: events of an OTP sent while the receiver is down are still pending when the
 * server stops, and a new server on the same database file posts them, in order, once the receiver is up.
 * The new server also checks the OTP's code: the secret it was hashed with is kept in the key file, beside the
 * database.
 */
class WebhooksSurviveRestartTest {

    private static final String KEY = "key-for-acme-1";
    /** Retries every 100 to 400 ms and never gives up during the test. */
    private static final WebhookSettings RETRY_OFTEN =
            new WebhookSettings(Duration.ofMillis(100), Duration.ofMillis(400), 1000, Duration.ofSeconds(1));

    @TempDir
    Path data;

    private ServerConfig config() {
        return new ServerConfig(0, "jdbc:h2:file:" + data.resolve("twofa").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", Map.of(KEY, "acme"), false, true)
                .withSecretFile(data.resolve("twofa.secret"))
                .withWebhooks(RETRY_OFTEN);
    }

    @Test
    void eventsPendingAtStopArePostedByTheNextServer() throws IOException {
        int receiverPort = freePort();
        String to = OtpTestApi.newNumber();
        String otpId;
        String code;

        try (TwofaServer first = TwofaServer.start(config())) {
            OtpTestApi api = new OtpTestApi(first);
            String profile = api.smsProfile(KEY, "Code {{otp_code}}");
            api.callback(KEY, "http://127.0.0.1:" + receiverPort + "/hook", profile);
            otpId = api.sendOtp(KEY, to, profile, null);
            await().atMost(10, TimeUnit.SECONDS).until(() -> api.messagesTo(KEY, to).size() == 1);
            Matcher digits = Pattern.compile("\\d{6}").matcher(api.messagesTo(KEY, to).get(0).get("text").asText());
            assertTrue(digits.find());
            code = digits.group();
            // the receiver is down: the events fail and wait for their next attempt
            await().atMost(10, TimeUnit.SECONDS).until(() -> webhooksShowFailedAttempts(api));
        }

        try (RecordingWebhookReceiver receiver = RecordingWebhookReceiver.startOn(receiverPort);
             TwofaServer second = TwofaServer.start(config())) {
            await().atMost(15, TimeUnit.SECONDS).until(() -> receiver.received().size() >= 2);

            List<RecordingWebhookReceiver.Received> received = receiver.received();
            assertEquals(2, received.size(), received.toString());
            assertEquals(List.of("DISPATCHED", "DELIVERED"),
                    received.stream().map(r -> r.json().get("status").asText()).toList());
            for (RecordingWebhookReceiver.Received event : received) {
                JsonNode body = event.json();
                assertEquals(otpId, body.get("otpId").asText());
                assertEquals("SMS", body.get("channel").asText());
                assertEquals("s3cret", event.header("X-Auth"));
                assertTrue(event.header("X-Twofa-Event-Id").matches("[0-9a-f-]{36}"), event.header("X-Twofa-Event-Id"));
            }

            OtpTestApi api = new OtpTestApi(second);
            assertEquals("VERIFIED", expect(200, api.send(KEY, "POST", "2fa/v4/otp/" + otpId + "/validate",
                    "{\"otpCode\":\"" + code + "\"}")).get("otpStatus").asText());
        }
    }

    /**
     * Whether the simulator lists the account's two webhook deliveries as pending, the first after a refused
     * connection (the second waits behind it).
     */
    private static boolean webhooksShowFailedAttempts(OtpTestApi api) {
        JsonNode deliveries = expect(200, api.send(KEY, "GET", "simulator/webhooks", null));
        List<JsonNode> pending = StreamSupport.stream(deliveries.spliterator(), false)
                .filter(d -> d.get("state").asText().equals("PENDING")).toList();
        return pending.size() == 2 && pending.stream().anyMatch(d -> d.get("attempts").asInt() >= 1
                && d.path("lastError").asText().contains("Connect"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
