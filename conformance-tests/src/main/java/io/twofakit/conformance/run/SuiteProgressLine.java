package io.twofakit.conformance.run;

/**
 * The Maven route's progress: {@link ProgressLine} on standard output whenever a test plan runs the suite class
 * {@link io.twofakit.conformance.ConformanceIT} (failsafe), in place of Cucumber's line per step. Other test plans
 * print nothing.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SuiteProgressLine extends ProgressLine {

    public SuiteProgressLine() {
        super(System.out, ProgressLine::runsTheSuiteClass);
    }
}
