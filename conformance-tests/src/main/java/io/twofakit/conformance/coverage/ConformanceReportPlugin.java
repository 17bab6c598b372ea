package io.twofakit.conformance.coverage;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.twofakit.conformance.Contract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Cucumber plugin that ends a run with its verdict: writes the coverage matrix of the contract's operations
 * and documented status codes (Markdown, to the path given as the plugin's argument) and prints one closing
 * line with scenarios passed/failed/skipped and operation coverage. Coverage counts the exchanges of passed
 * scenarios only: an operation whose every scenario failed is not covered.
 *
 * <p>Use as {@code io.twofakit.conformance.coverage.ConformanceReportPlugin:target/conformance-coverage.md}.
 */
public final class ConformanceReportPlugin implements ConcurrentEventListener {

    private final Path report;
    private final Map<Status, Integer> scenarios = new EnumMap<>(Status.class);

    public ConformanceReportPlugin(String reportPath) {
        this.report = Path.of(reportPath);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, event -> ScenarioExchanges.scenarioStarted());
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> runFinished());
    }

    private synchronized void scenarioFinished(TestCaseFinished event) {
        ScenarioExchanges.scenarioFinished(event.getResult().getStatus() == Status.PASSED);
        scenarios.merge(event.getResult().getStatus(), 1, Integer::sum);
    }

    private synchronized void runFinished() {
        ExchangeCoverage coverage = Contract.TYNTEC.coverage();
        ScenarioCounts counts = ScenarioCounts.of(scenarios);
        String markdown = new CoverageMatrix(coverage, counts).markdown();
        try {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the coverage report " + report, e);
        }
        System.out.println();
        System.out.println("Conformance: " + counts.oneLine() + "; " + coverage.summary().oneLine()
                + " (matrix: " + report.toAbsolutePath() + ")");
    }

    /** Scenario results of a run. */
    public record ScenarioCounts(int passed, int failed, int skipped) {
        static ScenarioCounts of(Map<Status, Integer> byStatus) {
            int passed = byStatus.getOrDefault(Status.PASSED, 0);
            int skipped = byStatus.getOrDefault(Status.SKIPPED, 0);
            int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
            return new ScenarioCounts(passed, total - passed - skipped, skipped);
        }

        public String oneLine() {
            return (passed + failed + skipped) + " scenarios, " + passed + " passed, " + failed + " failed, "
                    + skipped + " skipped";
        }
    }
}
