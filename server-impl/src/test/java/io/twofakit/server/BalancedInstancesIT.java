package io.twofakit.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.conformance.SuiteRun;
import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import io.twofakit.server.process.LoadBalancer;
import io.twofakit.server.process.OtpLoad;
import io.twofakit.server.process.ServerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Several instances of the real jar on one PostgreSQL behind HAProxy (round-robin per request) behave as one
 * server: the whole conformance suite passes through the balancer, and when one instance is killed under a load
 * of sends, every OTP acknowledged reads back and every webhook event arrives, delivered by the survivors once
 * the dead instance's leases ran out, in order per OTP and channel.
 *
 * <p>Needs PostgreSQL ({@code TWOFA_TEST_POSTGRES_URL}) and {@code haproxy} on the PATH; {@code .ci/run} provides
 * both. Without them it is skipped with the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancedInstancesIT {

    private static final int INSTANCES = 3;
    private static final String KEY = "balanced-instances-key-a";
    private static final String SECOND_KEY = "balanced-instances-key-b";
    /** Leases of a killed instance run out within 30 s (delivery jobs) and 20 s (webhook events). */
    private static final Duration ALL_EVENTS_WITHIN = Duration.ofSeconds(120);
    private static final Path FEATURES = Path.of("..", "features");

    private static Path folder;
    private static String postgres;
    private static String schema;
    private static final List<ServerProcess> instances = new ArrayList<>();
    private static LoadBalancer balancer;

    @BeforeAll
    static void startInstancesBehindTheBalancer() throws IOException, SQLException {
        postgres = System.getenv("TWOFA_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(postgres != null && !postgres.isBlank(),
                "No PostgreSQL server given: set TWOFA_TEST_POSTGRES_URL (CI does) to run several instances on it");
        Path haproxy = LoadBalancer.haproxy().orElse(null);
        Assumptions.assumeTrue(haproxy != null, "No haproxy found (apt-get install haproxy; CI installs it)");

        folder = Files.createDirectories(Path.of("target", "balanced-instances").toAbsolutePath());
        schema = "balanced_" + UUID.randomUUID().toString().replace("-", "");
        execute("create schema " + schema);
        String database = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String secret = "balanced-" + UUID.randomUUID();
        List<URI> servers = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            Path home = Files.createDirectories(folder.resolve("instance-" + i));
            Path log = folder.resolve("instance-" + i + ".log");
            Files.deleteIfExists(log);
            ServerProcess instance = ServerProcess.start(home, log, List.of("--port", "0", "--database", database,
                    "--api-key", KEY + "=balanced-a", "--api-key", SECOND_KEY + "=balanced-b", "--secret", secret,
                    "--webhook-retry-base", "100ms", "--webhook-retry-max", "1s", "--webhook-timeout", "2s",
                    // the kill test's load comes from one account as fast as it can; this limit is per instance
                    "--sends-per-account", "off"));
            instances.add(instance);
            servers.add(instance.baseUri());
        }
        balancer = LoadBalancer.start(haproxy, folder, servers);
        await().atMost(Duration.ofSeconds(10)).until(() -> new OtpTestApi(balancer.baseUri())
                .send(KEY, "GET", "health/ready", null).statusCode() == 200);
    }

    @AfterAll
    static void stopEverything() throws SQLException {
        if (balancer != null) {
            balancer.close();
        }
        instances.forEach(ServerProcess::close);
        if (schema != null) {
            execute("drop schema " + schema + " cascade");
        }
    }

    @Test
    @Order(1)
    void theConformanceSuitePassesThroughTheBalancer() throws IOException {
        List<String> features;
        try (Stream<Path> files = Files.list(FEATURES)) {
            features = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".feature"))
                    .sorted().toList();
        }
        // every scenario but those that need one server: a server's own counters (@one-server)
        TestExecutionSummary summary = SuiteRun.against(balancer.baseUri(), KEY, SECOND_KEY, features,
                "not @one-server");

        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 3);
        System.out.printf("[balanced] conformance suite through HAProxy in front of %d instances: %d scenario(s),"
                        + " %d passed, %d failed, %d skipped%n", INSTANCES, summary.getTestsFoundCount(),
                summary.getTestsSucceededCount(), summary.getTotalFailureCount(), summary.getTestsSkippedCount());
        assertTrue(summary.getTestsSucceededCount() > 500, "scenarios passed: " + summary.getTestsSucceededCount());
        assertEquals(0, summary.getTotalFailureCount(), failures.toString());
    }

    @Test
    @Order(2)
    void nothingAcknowledgedIsLostWhenAnInstanceIsKilled() throws Exception {
        try (RecordingWebhookReceiver receiver = RecordingWebhookReceiver.start()) {
            OtpLoad load = OtpLoad.prepare(balancer.baseUri(), KEY, receiver.url("/events"));
            ServerProcess victim = instances.get(0);
            long[] killedAt = new long[1];
            // killed once 300 sends were acknowledged; the clients keep sending through the balancer for 3 s more
            load.sendUntil(balancer.baseUri(), 300, () -> {
                victim.kill();
                killedAt[0] = System.nanoTime();
            }, Duration.ofSeconds(3));

            int lost = load.countLost(balancer.baseUri());
            System.out.printf("[balanced] one of %d instances killed: %d OTP(s) acknowledged (%d falling back to"
                    + " Viber), %d of them lost; other answers: %s%n", INSTANCES, load.acknowledged(), load.fallbacks(),
                    lost, load.refusals());
            assertTrue(load.refusals().keySet().stream().noneMatch(status -> status < 500),
                    "sends refused for another reason than the kill: " + load.refusals());
            assertEquals(0, lost, "OTPs answered 202 that no longer read back; see " + folder);

            await().atMost(ALL_EVENTS_WITHIN).pollInterval(Duration.ofMillis(250))
                    .until(() -> load.missingEvents(receiver) == 0);
            Duration allDelivered = Duration.ofNanos(System.nanoTime() - killedAt[0]);
            int duplicates = load.checkOrderAndCountDuplicates(receiver);
            System.out.printf("[balanced] %d webhook event(s) expected, all arrived in order within %.1f s of the"
                    + " kill; %d duplicate(s)%n", load.expectedEvents(), allDelivered.toMillis() / 1000.0, duplicates);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
