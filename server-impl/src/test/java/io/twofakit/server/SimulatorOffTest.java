package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With {@code --simulator off} the simulator's controls are not there (404 to a client with a key; 401 without one,
 * as when it is on), and OTPs are delivered all the same.
 */
class SimulatorOffTest {

    private static final String KEY = "key-for-acme-1";

    @Test
    void theControlsAnswer404AndDeliveryGoesOn() {
        try (TwofaServer server = TwofaServer.start(new ServerConfig(0,
                "jdbc:h2:mem:off-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                Map.of(KEY, "acme"), false, false));
             RecordingWebhookReceiver receiver = RecordingWebhookReceiver.start()) {
            OtpTestApi api = new OtpTestApi(server);

            assertEquals(404, expect(404, api.send(null, "GET", "simulator", null)).get("status").asInt());
            expect(404, api.send(KEY, "GET", "simulator/messages", null));
            expect(404, api.send(KEY, "GET", "simulator/webhooks", null));
            expect(404, api.send(KEY, "POST", "simulator/clock", "{\"advanceSeconds\":60}"));
            expect(401, api.send(null, "GET", "simulator/messages", null));

            String profile = api.smsProfile(KEY, "{{otp_code}}");
            api.callback(KEY, receiver.url("/hook"), profile);
            api.sendOtp(KEY, "+9999900001", profile, null);

            await().atMost(10, TimeUnit.SECONDS).until(() -> receiver.received().size() == 2);
            assertEquals(List.of("DISPATCHED", "UNDELIVERABLE"),
                    receiver.received().stream().map(r -> r.json().get("status").asText()).toList());
        }
    }
}
