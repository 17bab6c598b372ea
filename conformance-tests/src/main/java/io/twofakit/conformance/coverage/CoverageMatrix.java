package io.twofakit.conformance.coverage;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The coverage of a run as a Markdown document: one row per operation, each documented status marked. */
final class CoverageMatrix {

    private final ExchangeCoverage coverage;
    private final ConformanceReportPlugin.ScenarioCounts scenarios;

    CoverageMatrix(ExchangeCoverage coverage, ConformanceReportPlugin.ScenarioCounts scenarios) {
        this.coverage = coverage;
        this.scenarios = scenarios;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Conformance coverage\n\n");
        md.append("- Scenarios: ").append(scenarios.oneLine()).append('\n');
        md.append("- Coverage: ").append(coverage.summary().oneLine()).append('\n');
        md.append("\nOnly the exchanges of passed scenarios count. Marks: **x** documented and seen; `-` documented, ")
          .append("not seen; `!` seen but not documented. 5xx codes are documented but not provoked on purpose.\n\n");
        md.append("| # | operation | summary | status codes |\n");
        md.append("| --- | --- | --- | --- |\n");
        int row = 1;
        for (ContractOperation operation : coverage.operations()) {
            md.append("| ").append(row++)
              .append(" | `").append(operation.key()).append('`')
              .append(" | ").append(operation.summary() == null ? "" : operation.summary())
              .append(" | ").append(statusCells(operation))
              .append(" |\n");
        }
        SortedSet<String> outside = coverage.outsideContract();
        if (!outside.isEmpty()) {
            md.append("\n## Requests outside the contract\n\n");
            outside.forEach(request -> md.append("- `").append(request).append("`\n"));
        }
        return md.toString();
    }

    private String statusCells(ContractOperation operation) {
        Set<Integer> seen = coverage.seenStatuses(operation);
        SortedSet<Integer> all = new TreeSet<>(operation.documentedStatuses());
        all.addAll(seen);
        return all.stream().map(status -> {
            boolean documented = operation.documentedStatuses().contains(status);
            if (!documented) {
                return status + " !";
            }
            return seen.contains(status) ? "**" + status + " x**" : status + " -";
        }).collect(Collectors.joining(", "));
    }
}
