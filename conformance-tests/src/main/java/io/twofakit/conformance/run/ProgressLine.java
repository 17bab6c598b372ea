package io.twofakit.conformance.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line per finished scenario: how many of the run's scenarios are done, how many failed so far, the result and
 * the scenario's name; a failure adds the first line of its reason. For example
 * <pre>
 * [ 12/318, 0 failed] passed   The life of an OTP - The right code verifies the OTP, ...
 * [ 13/318, 1 failed] FAILED   Health check - The server says it is up
 *                     expected status 200 but was 503 ...
 * </pre>
 */
public class ProgressLine implements TestExecutionListener {

    /** The longest reason printed under a failed scenario; the reports have it whole. */
    static final int MAX_REASON = 300;

    private final PrintStream out;
    private final Predicate<TestPlan> appliesTo;
    private TestPlan plan;
    private boolean active;
    private long total;
    private long done;
    private long failed;

    public ProgressLine(PrintStream out) {
        this(out, plan -> true);
    }

    ProgressLine(PrintStream out, Predicate<TestPlan> appliesTo) {
        this.out = out;
        this.appliesTo = appliesTo;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        this.plan = plan;
        active = appliesTo.test(plan);
        total = plan.countTestIdentifiers(TestIdentifier::isTest);
        done = 0;
        failed = 0;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        if (active && test.isTest()) {
            done++;
            print("skipped", test, Optional.ofNullable(reason));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!active || !test.isTest()) {
            return;
        }
        done++;
        Optional<String> reason = result.getThrowable().map(ProgressLine::firstLine);
        switch (result.getStatus()) {
            case SUCCESSFUL -> print("passed", test, Optional.empty());
            case ABORTED -> print("skipped", test, reason);
            case FAILED -> {
                failed++;
                print("FAILED", test, reason);
            }
        }
    }

    private void print(String outcome, TestIdentifier test, Optional<String> reason) {
        String counts = String.format("[%" + digits(total) + "d/%d, %d failed] ", done, total, failed);
        out.println(counts + String.format("%-8s ", outcome) + name(test));
        reason.filter(text -> !text.isBlank())
                .ifPresent(text -> out.println(" ".repeat(counts.length()) + text));
        out.flush();
    }

    /** The scenario's name, after its feature's unless it holds that already. */
    private String name(TestIdentifier test) {
        String name = test.getDisplayName();
        Optional<TestIdentifier> ancestor = plan.getParent(test);
        while (ancestor.isPresent() && !isFeature(ancestor.get())) {
            ancestor = plan.getParent(ancestor.get());
        }
        return ancestor.map(TestIdentifier::getDisplayName)
                .filter(featureName -> !name.startsWith(featureName))
                .map(featureName -> featureName + ": " + name)
                .orElse(name);
    }

    private static boolean isFeature(TestIdentifier identifier) {
        List<UniqueId.Segment> segments = identifier.getUniqueIdObject().getSegments();
        return segments.get(segments.size() - 1).getType().equals("feature");
    }

    private static int digits(long number) {
        return Long.toString(Math.max(number, 1)).length();
    }

    static String firstLine(Throwable failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline).strip() + " ...";
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + " ...";
    }

    /** Whether the plan runs {@link io.twofakit.conformance.ConformanceIT}: the Maven route's run of the suite. */
    static boolean runsTheSuiteClass(TestPlan plan) {
        return plan.getRoots().stream().flatMap(root -> plan.getChildren(root).stream())
                .anyMatch(child -> child.getUniqueIdObject().getSegments().stream().anyMatch(segment ->
                        segment.getType().equals("suite")
                                && segment.getValue().equals(io.twofakit.conformance.ConformanceIT.class.getName())));
    }
}
