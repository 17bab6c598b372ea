package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static io.twofakit.server.OtpTestApi.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import io.twofakit.server.process.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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
    private static final int SENDERS = 6;
    /** Sends acknowledged in each run before the kill, while the senders keep going. */
    private static final int SENDS_BEFORE_KILL = 400;
    /** Leases of a killed server on a shared database run out within 30 s (jobs) and 20 s (events). */
    private static final Duration ALL_EVENTS_WITHIN = Duration.ofSeconds(120);
    private static final String FALLBACK_PREFIX = "+9999900001";

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** OTP ids answered 202, with whether they went to a number that falls back from SMS to Viber. */
    private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

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
            profile = setUp(new OtpTestApi(server.baseUri()), receiver.url("/events"));
            for (int kill = 1; kill <= KILLS; kill++) {
                sendUnderLoadAndKill(server);
                server = ServerProcess.start(folder, log, options);
            }
            try (ServerProcess last = server) {
                int lost = countLost(last.baseUri());
                System.out.printf("[%s] %d kill(s): %d OTP(s) acknowledged, %d of them lost%n", database, KILLS,
                        acknowledged.size(), lost);
                assertEquals(0, lost, "OTPs answered 202 that no longer read back; see " + log);

                await().atMost(ALL_EVENTS_WITHIN).pollInterval(Duration.ofMillis(500))
                        .until(() -> missingEvents(receiver) == 0);
                int duplicates = checkOrderAndCountDuplicates(receiver);
                System.out.printf("[%s] %d webhook event(s) expected, all arrived in order; %d duplicate(s)%n",
                        database, expectedEvents(), duplicates);
            }
        } finally {
            if (schema != null) {
                execute(System.getenv("TWOFA_TEST_POSTGRES_URL"), "drop schema " + schema + " cascade");
            }
        }
    }

    /** A profile with SMS then Viber, and a callback configuration to the receiver; answers the profile's name. */
    private static String setUp(OtpTestApi api, String callbackUrl) {
        String sms = unique("crash_sms");
        String viber = unique("crash_viber");
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/sms", "{\"name\":\"" + sms
                + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}"));
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/viber", "{\"name\":\"" + viber
                + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}"));
        String profile = unique("crash");
        expect(201, api.send(KEY, "POST", "2fa/v4/profiles", "{\"name\":\"" + profile + "\",\"channels\":["
                + "{\"type\":\"SMS\",\"templates\":[{\"name\":\"" + sms + "\",\"languageCode\":\"en_US\"}]},"
                + "{\"type\":\"VIBER\",\"templates\":[{\"name\":\"" + viber + "\",\"languageCode\":\"en_US\"}]}]}"));
        expect(201, api.send(KEY, "POST", "2fa/v4/configurations/callbacks",
                "{\"url\":\"" + callbackUrl + "\",\"profileId\":\"" + api.profileId(KEY, profile) + "\"}"));
        return profile;
    }

    /** The profile the sends use. */
    private String profile;

    /**
     * Sends OTPs from several clients, kills the server while they do (once it acknowledged {@link #SENDS_BEFORE_KILL}
     * more), and stops them once it is dead.
     */
    private void sendUnderLoadAndKill(ServerProcess server) throws InterruptedException {
        int killAt = acknowledged.size() + SENDS_BEFORE_KILL;
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.execute(() -> {
                while (running.get()) {
                    sendOne(server.baseUri());
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= killAt);
        server.kill();
        running.set(false);
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
    }

    /** One send; remembered only when the server answered 202. A refused or broken connection is no answer. */
    private void sendOne(URI baseUri) {
        int n = numbers.incrementAndGet();
        boolean fallback = n % 4 == 0;
        String to = fallback ? FALLBACK_PREFIX + String.format("%04d", n % 10_000) + String.format("%03d", n / 10_000 % 1000)
                : "+49176" + String.format("%08d", n % 100_000_000);
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/2fa/v4/otp"))
                .header("apiKey", KEY).header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\",\"profileName\":\"" + profile + "\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                acknowledged.put(HttpClientSupport.json(response).get("id").asText(), fallback);
            }
        } catch (IOException e) {
            // the server is being killed: this send was not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many acknowledged OTPs the restarted server does not know. */
    private int countLost(URI baseUri) {
        OtpTestApi api = new OtpTestApi(baseUri);
        return (int) acknowledged.keySet().parallelStream()
                .filter(id -> api.send(KEY, "GET", "2fa/v4/otp/" + id, null).statusCode() != 200)
                .count();
    }

    /** The events an acknowledged OTP must produce, in order. */
    private static List<String> expected(boolean fallback) {
        return fallback ? List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED")
                : List.of("SMS DISPATCHED", "SMS DELIVERED");
    }

    private int expectedEvents() {
        return acknowledged.values().stream().mapToInt(fallback -> expected(fallback).size()).sum();
    }

    /** Expected events (counted once per event id) that have not arrived yet. */
    private int missingEvents(RecordingWebhookReceiver receiver) {
        long arrived = receiver.received().stream()
                .filter(r -> acknowledged.containsKey(r.json().get("otpId").asText()))
                .map(r -> r.header("X-Twofa-Event-Id"))
                .distinct()
                .count();
        return expectedEvents() - (int) arrived;
    }

    /**
     * Checks that each acknowledged OTP's events arrived as expected, in order (by first arrival of each event id);
     * answers how many arrivals repeated an event already received.
     */
    private int checkOrderAndCountDuplicates(RecordingWebhookReceiver receiver) {
        Map<String, Map<String, String>> firstArrivals = new LinkedHashMap<>();
        int duplicates = 0;
        for (RecordingWebhookReceiver.Received event : receiver.received()) {
            String otpId = event.json().get("otpId").asText();
            if (!acknowledged.containsKey(otpId)) {
                continue;
            }
            Map<String, String> events = firstArrivals.computeIfAbsent(otpId, id -> new LinkedHashMap<>());
            String status = event.json().get("channel").asText() + " " + event.json().get("status").asText();
            if (events.putIfAbsent(event.header("X-Twofa-Event-Id"), status) != null) {
                duplicates++;
            }
        }
        Map<String, List<String>> wrong = acknowledged.entrySet().stream()
                .filter(otp -> !expected(otp.getValue()).equals(List.copyOf(
                        firstArrivals.getOrDefault(otp.getKey(), Map.of()).values())))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        otp -> List.copyOf(firstArrivals.getOrDefault(otp.getKey(), Map.of()).values())));
        assertEquals(Map.of(), wrong, "OTPs whose events did not arrive once each, in order");
        return duplicates;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
