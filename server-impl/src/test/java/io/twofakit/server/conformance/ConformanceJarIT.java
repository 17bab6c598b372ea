package io.twofakit.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.InProcessServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code twofa-conformance.jar} as QA runs it: a process of its own, judged by its exit status, its output and its
 * reports. Against this server it passes (0), against a server that answers a created priority with 200 instead of
 * 201 it fails (1), and it refuses to start (2) against a target that cannot be reached or without an API key. A few
 * scenarios suffice (those of two accounts that need no simulator): the whole suite runs in {@code ConformanceIT}.
 */
class ConformanceJarIT {

    /** Set by the pom: the jar that conformance-tests builds. */
    private static final Path JAR = Path.of(System.getProperty("twofa.conformanceJar",
            "../conformance-tests/target/twofa-conformance.jar")).toAbsolutePath().normalize();
    private static final String API_KEY = "conformance-jar-key-a";
    private static final String SECOND_API_KEY = "conformance-jar-key-b";
    private static final String TAGS = "@second-account and not @simulator";
    private static final Pattern SCENARIO_COUNTS =
            Pattern.compile("(\\d+) scenarios, (\\d+) passed, (\\d+) failed, (\\d+) skipped");
    private static final Pattern OPERATIONS = Pattern.compile("operations (\\d+)/42");

    private static InProcessServer server;

    @BeforeAll
    static void startServer() {
        assertTrue(Files.isRegularFile(JAR), () -> JAR + " is missing: conformance-tests builds it at package");
        server = InProcessServer.withApiKey(API_KEY, "jar-a").apiKey(SECOND_API_KEY, "jar-b").start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConformingServerPassesWithExitStatus0AndReportsThatAgree(@TempDir Path reports) throws Exception {
        Run run = conformance(server.baseUri(), "--api-key", API_KEY, "--second-api-key", SECOND_API_KEY,
                "--tags", TAGS, "--report-dir", reports.toString());

        assertEquals(0, run.exitStatus(), run::output);
        Counts counts = run.agreeingCounts(reports);
        assertTrue(counts.passed() > 0, run::output);
        assertEquals(counts.total(), counts.passed(), run::output);
        assertTrue(run.output().contains("Verdict: PASSED, " + counts.passed() + " of " + counts.total()),
                run::output);
        assertTrue(matrixRow(reports, "POST /2fa/v4/priorities").contains("**201 x**"), "a priority was created");
    }

    @Test
    void aServerThatAnswers200ForACreatedPriorityFailsWithExitStatus1(@TempDir Path reports) throws Exception {
        try (AlteringProxy proxy = new AlteringProxy(server.baseUri(), (method, path, answer) ->
                method.equals("POST") && path.equals("/2fa/v4/priorities") && answer.status() == 201
                        ? answer.withStatus(200) : answer)) {
            Run run = conformance(proxy.uri(), "--api-key", API_KEY, "--second-api-key", SECOND_API_KEY,
                    "--tags", TAGS, "--report-dir", reports.toString());

            assertEquals(1, run.exitStatus(), run::output);
            Counts counts = run.agreeingCounts(reports);
            assertTrue(counts.failed() > 0, run::output);
            assertTrue(counts.passed() > 0, run::output);
            assertTrue(run.output().contains("Verdict: FAILED, " + counts.failed() + " of " + counts.total()),
                    run::output);
            // only passed scenarios count: the priority was created (answered 200) in a failed one alone
            String row = matrixRow(reports, "POST /2fa/v4/priorities");
            assertFalse(row.contains(" x**") || row.contains("200"), row);
        }
    }

    @Test
    void aTargetThatCannotBeReachedIsExitStatus2BeforeAnyScenario(@TempDir Path reports) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Run run = conformance(URI.create("http://127.0.0.1:" + closedPort), "--api-key", API_KEY,
                "--report-dir", reports.toString());

        assertEquals(2, run.exitStatus(), run::output);
        assertTrue(run.output().contains("cannot be reached: connection refused"), run::output);
        assertFalse(Files.exists(reports.resolve("cucumber.xml")), "no scenario ran");
    }

    @Test
    void withoutAnApiKeyItIsExitStatus2(@TempDir Path reports) throws Exception {
        Run run = conformance(server.baseUri(), "--report-dir", reports.toString());

        assertEquals(2, run.exitStatus(), run::output);
        assertTrue(run.output().contains("Missing required option: '--api-key=KEY'"), run::output);
    }

    /** The coverage matrix's row of an operation, e.g. {@code POST /2fa/v4/priorities}. */
    private static String matrixRow(Path reports, String operation) throws IOException {
        return Files.readAllLines(reports.resolve("conformance-coverage.md")).stream()
                .filter(line -> line.contains("| `" + operation + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + operation));
    }

    private static Run conformance(URI target, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--base-url", target.toString()));
        command.addAll(List.of(options));
        Path output = Files.createTempFile("twofa-conformance-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("twofa-conformance.jar did not end within 10 minutes:\n"
                        + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    record Counts(int total, int passed, int failed, int skipped) {
    }

    record Run(int exitStatus, String output) {

        /**
         * The counts of the run, checked to be the same in every place that gives them: the progress lines, the
         * suite's closing line, the coverage matrix, the JUnit XML and the HTML report.
         */
        Counts agreeingCounts(Path reports) throws Exception {
            String closingLine = output.lines().filter(line -> line.startsWith("Conformance: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no closing line:\n" + output));
            Counts counts = counts(closingLine);
            String matrix = Files.readString(reports.resolve("conformance-coverage.md"));
            assertEquals(counts, counts(matrix), "the coverage matrix");
            assertEquals(group(OPERATIONS, closingLine), group(OPERATIONS, matrix), "operations covered");

            long progressLines = output.lines().filter(line -> line.matches("\\[ *\\d+/\\d+, \\d+ failed] .*")).count();
            assertEquals(counts.total(), progressLines, () -> "progress lines:\n" + output);
            assertTrue(output.contains("[" + counts.total() + "/" + counts.total() + ", " + counts.failed() + " failed]"),
                    () -> "the last progress line:\n" + output);

            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(reports.resolve("cucumber.xml").toFile()).getDocumentElement();
            assertEquals(counts.total(), Integer.parseInt(suite.getAttribute("tests")), "JUnit XML tests");
            assertEquals(counts.total(), suite.getElementsByTagName("testcase").getLength(), "JUnit XML test cases");
            assertEquals(counts.failed(), Integer.parseInt(suite.getAttribute("failures"))
                    + Integer.parseInt(suite.getAttribute("errors")), "JUnit XML failures");
            assertEquals(counts.skipped(), Integer.parseInt(suite.getAttribute("skipped")), "JUnit XML skipped");

            String html = Files.readString(reports.resolve("cucumber.html"));
            assertEquals(counts.total(), occurrences(html, "{\"testCaseFinished\":"), "HTML report's scenarios");
            assertEquals(counts.failed() > 0, html.contains("\"status\":\"FAILED\""), "HTML report's failures");
            return counts;
        }

        private static Counts counts(String text) {
            Matcher matcher = SCENARIO_COUNTS.matcher(text);
            assertTrue(matcher.find(), () -> "no scenario counts in " + text);
            return new Counts(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
        }

        private static String group(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            assertTrue(matcher.find(), () -> "no " + pattern + " in " + text);
            return matcher.group(1);
        }

        private static int occurrences(String text, String part) {
            int count = 0;
            for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
                count++;
            }
            return count;
        }
    }
}
