package io.twofakit.conformance.steps;

import io.cucumber.java.Before;
import io.twofakit.conformance.ConformanceConfig;
import io.twofakit.conformance.ScenarioState;
import org.junit.jupiter.api.Assumptions;

/** Scenarios tagged {@code @second-account} need the key of a second account; without one they are skipped. */
public class SecondAccountHooks {

    private final ScenarioState state;

    public SecondAccountHooks(ScenarioState state) {
        this.state = state;
    }

    @Before("@second-account")
    public void skipWithoutASecondAccount() {
        Assumptions.assumeTrue(state.config().secondApiKey().isPresent(),
                "This scenario needs a second account: give its key as -D" + ConformanceConfig.SECOND_API_KEY_PROPERTY
                        + " or " + ConformanceConfig.SECOND_API_KEY_ENV);
    }
}
