package io.twofakit.server.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's closing summary, read from reports laid out as the modules write them. */
class BuildSummaryTest {

    private static final Instant BUILD_START = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path root;

    private void report(String path, String testCases, Instant written) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<?xml version=\"1.0\"?><testsuite>" + testCases + "</testsuite>");
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    private static String passed(String name) {
        return "<testcase name=\"" + name + "\"/>";
    }

    private static String failed(String name) {
        return "<testcase name=\"" + name + "\"><failure message=\"no\"/></testcase>";
    }

    private static String skippedForPostgres(String name) {
        return "<testcase name=\"" + name + "\"><skipped><![CDATA[Assumption failed: No PostgreSQL server given: set"
                + " TWOFA_TEST_POSTGRES_URL (CI does)]]></skipped></testcase>";
    }

    @Test
    void unitTestsOfEveryModuleWithTheSkippedOnesExplained() throws IOException {
        Instant during = BUILD_START.plusSeconds(30);
        report("spec/target/surefire-reports/TEST-a.xml", passed("a1") + passed("a2"), during);
        report("server-impl/target/surefire-reports/TEST-b.xml",
                passed("b1") + failed("b2") + skippedForPostgres("b3") + skippedForPostgres("b4"), during);
        report("server-impl/target/surefire-reports/TEST-old.xml", passed("from a build before"),
                BUILD_START.minusSeconds(60));

        assertEquals("3 passed, 1 failed, 2 skipped; all skipped need PostgreSQL: set TWOFA_TEST_POSTGRES_URL to run"
                + " them (CI does)", new BuildSummary(root, BUILD_START).unitTests());
    }

    @Test
    void alteredTargetsCountTheFaultsTheSuiteCaught() throws IOException {
        report("server-impl/target/failsafe-reports/TEST-x.AlteredTargetsIT-altered-targets.xml",
                passed("theUnalteredServerPassesEveryFeatureThatJudgesTheFaults")
                        + passed("aServerWithAFaultFailsTheSuite(Fault)[1]")
                        + failed("aServerWithAFaultFailsTheSuite(Fault)[2]")
                        + passed("aServerWithAFaultFailsTheSuite(Fault)[3]"), BUILD_START.plusSeconds(1));

        assertEquals("2 of 3 caught; the unaltered server passed",
                new BuildSummary(root, BUILD_START).alteredTargets());
    }

    @Test
    void whatDidNotRunSaysHowToRunIt() {
        BuildSummary summary = new BuildSummary(root, BUILD_START);

        assertEquals("not run here (./mvnw verify -Pfull runs them, as CI does)", summary.alteredTargets());
        assertEquals("not run here (./mvnw verify -Pfull runs them, as CI does)", summary.realProcesses());
        assertEquals("not run", summary.conformance());
    }

    @Test
    void theConformanceVerdictComesFromTheCoverageMatrix() throws IOException {
        Path matrix = root.resolve("server-impl/target/cucumber-reports/conformance-coverage.md");
        Files.createDirectories(matrix.getParent());
        Files.writeString(matrix, "# Conformance coverage\n\n- Scenarios: 556 scenarios, 556 passed, 0 failed, 0 skipped\n"
                + "- Coverage: operations 42/42, documented 2xx/4xx statuses 296/338\n");

        assertEquals("556 scenarios, 556 passed, 0 failed, 0 skipped; operations 42/42, documented 2xx/4xx statuses"
                + " 296/338", new BuildSummary(root, Instant.EPOCH).conformance());
    }
}
