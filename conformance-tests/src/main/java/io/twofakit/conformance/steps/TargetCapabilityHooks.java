package io.twofakit.conformance.steps;

import io.cucumber.java.Before;
import io.twofakit.conformance.ScenarioState;
import org.opentest4j.TestAbortedException;

/**
 * Skips, with the reason, the scenarios that need something the target or the run does not offer. A skipped
 * scenario is reported as skipped, never as passed. Exclude them outright with
 * {@code -Dcucumber.filter.tags="not @second-account"}.
 */
public class TargetCapabilityHooks {

    private final ScenarioState state;

    public TargetCapabilityHooks(ScenarioState state) {
        this.state = state;
    }

    @Before("@second-account")
    public void needsASecondAccount() {
        if (state.config().secondApiKey().isEmpty()) {
            throw new TestAbortedException("Needs the API key of a second account: pass -Dconformance.secondApiKey=... "
                    + "(or CONFORMANCE_SECOND_API_KEY) to check that accounts are isolated");
        }
    }
}
