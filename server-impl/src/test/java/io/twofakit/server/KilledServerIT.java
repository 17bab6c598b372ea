package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import io.twofakit.server.process.OtpLoad;
import io.twofakit.server.process.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the server acknowledged survives {@code kill -9}: the real jar, started as an operator starts it, is killed
 * twice in the middle of a load of OTP sends and started again on the same database each time. Then every OTP it
 * answered 202 reads back, and every webhook event of those OTPs (DISPATCHED and the outcome for each channel
 * tried) reaches the test's receiver, in order per OTP and channel. Events may arrive twice (at least once); the
 * duplicates carry the same event id and are counted.
 *
 * <p>On H2 with the default URL (the server started without {@code --database}, in a folder of the test's), and on
 * PostgreSQL when {@code TWOFA_TEST_POSTGRES_URL} names a server (CI does), in a fresh schema.
 */
class KilledServerIT {

    private static final String KEY = "key-of-the-crash-test";
    private static final int KILLS = 2;
    /** Sends acknowledged in each run before the kill, while the senders keep going. */
    private static final int SENDS_BEFORE_KILL = 400;
    /** Leases of a killed server on a shared database run out within 30 s (jobs) and 20 s (events). */
    private static final Duration ALL_EVENTS_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void nothingAcknowledgedIsLostWhenTheServerIsKilled(String database) throws Exception {
        List<String> options = new ArrayList<>(List.of("--port", "0", "--api-key", KEY + "=crash",
                "--webhook-retry-base", "100ms", "--webhook-retry-max", "1s", "--webhook-timeout", "2s",
                // the load comes from one account as fast as it can: its rate limit would answer most of it 429
                "--sends-per-account", "off"));
        String schema = null;
        if (database.equals("PostgreSQL")) {
            String server = System.getenv("TWOFA_TEST_POSTGRES_URL");
            Assumptions.assumeTrue(server != null && !server.isBlank(),
                    "No PostgreSQL server given: set TWOFA_TEST_POSTGRES_URL (CI does) to run the crash test on it too");
            schema = "crash_" + UUID.randomUUID().toString().replace("-", "");
            execute(server, "create schema " + schema);
            options.addAll(List.of("--database", server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema));
        }
        Path log = Path.of("target", "killed-server-" + database + ".log").toAbsolutePath();
        Files.deleteIfExists(log);

        try (RecordingWebhookReceiver receiver = RecordingWebhookReceiver.start()) {
            ServerProcess server = ServerProcess.start(folder, log, options);
            OtpLoad load = OtpLoad.prepare(server.baseUri(), KEY, receiver.url("/events"));
            for (int kill = 1; kill <= KILLS; kill++) {
                ServerProcess killed = server;
                // killed once it acknowledged SENDS_BEFORE_KILL more, while the clients keep sending
                load.sendUntil(killed.baseUri(), SENDS_BEFORE_KILL, killed::kill, Duration.ZERO);
                server = ServerProcess.start(folder, log, options);
            }
            try (ServerProcess last = server) {
                int lost = load.countLost(last.baseUri());
                System.out.printf("[%s] %d kill(s): %d OTP(s) acknowledged (%d falling back to Viber), %d of them"
                        + " lost; other answers: %s%n", database, KILLS, load.acknowledged(), load.fallbacks(), lost,
                        load.refusals());
                assertTrue(load.refusals().keySet().stream().noneMatch(status -> status < 500),
                        "sends refused for another reason than the kill: " + load.refusals());
                assertEquals(0, lost, "OTPs answered 202 that no longer read back; see " + log);

                await().atMost(ALL_EVENTS_WITHIN).pollInterval(Duration.ofMillis(500))
                        .until(() -> load.missingEvents(receiver) == 0);
                int duplicates = load.checkOrderAndCountDuplicates(receiver);
                System.out.printf("[%s] %d webhook event(s) expected, all arrived in order; %d duplicate(s)%n",
                        database, load.expectedEvents(), duplicates);
            }
        } finally {
            if (schema != null) {
                execute(System.getenv("TWOFA_TEST_POSTGRES_URL"), "drop schema " + schema + " cascade");
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
