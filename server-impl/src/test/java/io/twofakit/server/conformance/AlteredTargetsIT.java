package io.twofakit.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.TwofaServer;
import io.twofakit.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proof that the conformance suite tells a good target from a bad one: the suite runs against this server
 * through a proxy, once unaltered (it must pass) and once per deliberate alteration of the server's answers
 * (it must report failures).
 */
class AlteredTargetsIT {

    private static final String API_KEY = "altered-targets-key-a";
    private static final String SECOND_API_KEY = "altered-targets-key-b";

    private static Path data;
    private static TwofaServer server;

    /** A deliberate fault, the features that should notice it, and how it rewrites the server's answers. */
    record Fault(String description, List<String> features, AlteringProxy.Alteration alteration) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("lets a client without an API key in", List.of("authentication.feature"),
                        (method, path, answer) -> answer.status() == 401 ? answer.withStatus(200).withBody("[]") : answer),
                new Fault("answers 401 without the problem's status", List.of("authentication.feature"),
                        (method, path, answer) -> answer.status() == 401
                                ? answer.withBody(answer.body().replace("\"status\":401,", "")) : answer),
                new Fault("answers 200 instead of 201 when a priority is created", List.of("priorities.feature"),
                        (method, path, answer) -> method.equals("POST") && path.equals("/2fa/v4/priorities")
                                && answer.status() == 201 ? answer.withStatus(200) : answer),
                new Fault("answers VERIFIED to a wrong code", List.of("otp_lifecycle.feature"),
                        (method, path, answer) -> path.endsWith("/validate")
                                ? answer.withBody(answer.body().replace("WRONG_CODE", "VERIFIED")) : answer),
                new Fault("leaves the status out of a read OTP", List.of("otp_lifecycle.feature"),
                        (method, path, answer) -> method.equals("GET") && path.matches("/2fa/v4/otp/[^/]+")
                                ? answer.withBody(answer.body().replaceAll("\"otpStatus\":\"[A-Z_]+\",?", "")) : answer),
                new Fault("drops the DELIVERED webhook events", List.of("webhooks.feature"), new AlteringProxy.Alteration() {
                    @Override
                    public AlteringProxy.Answer alter(String method, String path, AlteringProxy.Answer answer) {
                        return answer;
                    }

                    @Override
                    public boolean dropsWebhook(String event) {
                        return event.contains("\"DELIVERED\"");
                    }
                }));
    }

    @BeforeAll
    static void startServer() throws IOException {
        data = Files.createTempDirectory("twofa-altered-");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(API_KEY, "altered-a");
        keys.put(SECOND_API_KEY, "altered-b");
        server = TwofaServer.start(new ServerConfig(0, "jdbc:h2:file:" + data.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", keys, false, true));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theUnalteredServerPassesEveryFeatureThatJudgesTheFaults() throws IOException {
        List<String> features = faults().flatMap(fault -> fault.features().stream()).distinct().toList();
        try (AlteringProxy proxy = new AlteringProxy(server.baseUri(), AlteringProxy.Alteration.NONE)) {
            TestExecutionSummary summary = SuiteRun.against(proxy.uri(), API_KEY, SECOND_API_KEY, features);

            assertTrue(summary.getTestsSucceededCount() > 0, "no scenario ran");
            assertEquals(0, summary.getTestsFailedCount(), () -> "the unaltered server failed: " + failures(summary));
        }
    }

    @ParameterizedTest(name = "a server that {0} fails the suite")
    @MethodSource("faults")
    void aServerWithAFaultFailsTheSuite(Fault fault) throws IOException {
        try (AlteringProxy proxy = new AlteringProxy(server.baseUri(), fault.alteration())) {
            TestExecutionSummary summary = SuiteRun.against(proxy.uri(), API_KEY, SECOND_API_KEY, fault.features());

            assertTrue(summary.getTestsFailedCount() > 0,
                    () -> "the suite did not notice a server that " + fault.description()
                            + " (" + summary.getTestsSucceededCount() + " scenarios passed)");
        }
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(failure -> text.append("\n- ")
                .append(failure.getTestIdentifier().getDisplayName()).append(": ")
                .append(failure.getException().getMessage()));
        return text.toString();
    }

}
