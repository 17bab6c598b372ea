package io.twofakit.server.build;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The few lines that end {@code ./mvnw verify}: the unit tests of every module (and why some were skipped), the
 * conformance verdict and coverage, the altered targets caught, the real processes, and where the details are.
 * Read from the reports this build wrote (older reports in {@code target/} are left out).
 *
 * <p>Run by the exec plugin after the integration tests: {@code BuildSummary ROOT BUILD_START}.
 */
public final class BuildSummary {

    /** The text of a test skipped because it needs PostgreSQL (see store.TestDatabases). */
    static final String NEEDS_POSTGRES = "TWOFA_TEST_POSTGRES_URL";
    private static final String RULE = "-".repeat(72);

    private final Path root;
    private final Instant buildStart;

    BuildSummary(Path root, Instant buildStart) {
        this.root = root;
        this.buildStart = buildStart;
    }

    public static void main(String[] args) {
        Instant start = args.length > 1 ? Instant.parse(args[1]) : Instant.EPOCH;
        new BuildSummary(Path.of(args[0]).toAbsolutePath().normalize(), start).print(System.out);
    }

    void print(PrintStream out) {
        out.println(RULE);
        out.println("twofa-kit: what this build checked");
        lines().forEach(line -> out.println("  " + line));
        out.println(RULE);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(row("unit tests", unitTests()));
        lines.add(row("conformance", conformance()));
        lines.add(row("altered targets", alteredTargets()));
        lines.add(row("real processes", realProcesses()));
        lines.add(row("details", "server-impl/target/logs/ (the servers' logs), */target/surefire-reports/,"
                + " server-impl/target/failsafe-reports/, server-impl/target/cucumber-reports/"));
        return lines;
    }

    private static String row(String what, String verdict) {
        return what + ": " + verdict;
    }

    /** The tests of every module's surefire run. */
    String unitTests() {
        Counts counts = new Counts();
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(module -> module.resolve("target").resolve("surefire-reports")).filter(Files::isDirectory)
                    .forEach(reports -> counts.add(reports, name -> true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (counts.tests == 0) {
            return "none ran";
        }
        String text = counts.verdict();
        if (counts.needingPostgres > 0) {
            text += "; " + (counts.needingPostgres == counts.skipped ? "all " : counts.needingPostgres + " ")
                    + "skipped need PostgreSQL: set " + NEEDS_POSTGRES + " to run them (CI does)";
        }
        return text;
    }

    /** The certification run's closing lines, from the coverage matrix it wrote. */
    String conformance() {
        Path matrix = root.resolve("server-impl/target/cucumber-reports/conformance-coverage.md");
        if (!fresh(matrix)) {
            return "not run";
        }
        List<String> found = read(matrix).stream()
                .filter(line -> line.startsWith("- Scenarios: ") || line.startsWith("- Coverage: "))
                .map(line -> line.substring(line.indexOf(": ") + 2))
                .toList();
        return found.isEmpty() ? "see " + root.relativize(matrix) : String.join("; ", found);
    }

    /** How many deliberately altered targets the suite caught, and whether the unaltered one passed. */
    String alteredTargets() {
        Optional<Document> report = failsafeReport("AlteredTargetsIT-altered-targets");
        if (report.isEmpty()) {
            return "not run here (./mvnw verify -Pfull runs them, as CI does)";
        }
        int faults = 0;
        int caught = 0;
        boolean unalteredPassed = false;
        NodeList cases = report.get().getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            boolean passed = passed(testCase);
            // the unaltered run, and one run per fault (aServerWithAFaultFailsTheSuite(Fault)[n])
            if (testCase.getAttribute("name").startsWith("theUnaltered")) {
                unalteredPassed = passed;
            } else {
                faults++;
                caught += passed ? 1 : 0;
            }
        }
        return caught + " of " + faults + " caught; the unaltered server "
                + (unalteredPassed ? "passed" : "FAILED");
    }

    /** The runnable jar's tests as processes of their own. */
    String realProcesses() {
        Counts counts = new Counts();
        Path reports = root.resolve("server-impl/target/failsafe-reports");
        if (Files.isDirectory(reports)) {
            counts.add(reports, name -> name.endsWith("-server-processes.xml"));
        }
        return counts.tests == 0 ? "not run here (./mvnw verify -Pfull runs them, as CI does)" : counts.verdict();
    }

    private Optional<Document> failsafeReport(String suffix) {
        Path reports = root.resolve("server-impl/target/failsafe-reports");
        if (!Files.isDirectory(reports)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix + ".xml")).filter(this::fresh)
                    .findFirst().map(BuildSummary::parse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean passed(Element testCase) {
        return testCase.getElementsByTagName("failure").getLength() == 0
                && testCase.getElementsByTagName("error").getLength() == 0
                && testCase.getElementsByTagName("skipped").getLength() == 0;
    }

    /** Whether this build wrote the file (not a run before it). */
    private boolean fresh(Path file) {
        try {
            return Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(buildStart);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test report " + file, e);
        }
    }

    /** Tests counted over JUnit XML reports. */
    private final class Counts {
        int tests;
        int failed;
        int skipped;
        int needingPostgres;

        void add(Path reports, java.util.function.Predicate<String> name) {
            try (Stream<Path> files = Files.list(reports)) {
                files.filter(file -> file.getFileName().toString().startsWith("TEST-"))
                        .filter(file -> name.test(file.getFileName().toString()))
                        .filter(BuildSummary.this::fresh)
                        .forEach(this::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void add(Path file) {
            NodeList cases = parse(file).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                tests++;
                NodeList skips = testCase.getElementsByTagName("skipped");
                if (skips.getLength() > 0) {
                    skipped++;
                    if (skips.item(0).getTextContent().contains(NEEDS_POSTGRES)) {
                        needingPostgres++;
                    }
                } else if (!passed(testCase)) {
                    failed++;
                }
            }
        }

        String verdict() {
            return (tests - failed - skipped) + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }
}
