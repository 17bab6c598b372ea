package io.twofakit.conformance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScenarioExchangesTest {

    private final AtomicInteger counted = new AtomicInteger();

    @AfterEach
    void noScenarioIsLeftOpen() {
        ScenarioExchanges.scenarioFinished(false);
    }

    @Test
    void theExchangesOfAPassedScenarioCountWhenItEnds() {
        ScenarioExchanges.scenarioStarted();
        ScenarioExchanges.record(counted::incrementAndGet);
        ScenarioExchanges.record(counted::incrementAndGet);
        assertEquals(0, counted.get(), "nothing counts before the scenario's result is known");

        ScenarioExchanges.scenarioFinished(true);
        assertEquals(2, counted.get());
    }

    @Test
    void theExchangesOfAFailedScenarioNeverCount() {
        ScenarioExchanges.scenarioStarted();
        ScenarioExchanges.record(counted::incrementAndGet);
        ScenarioExchanges.scenarioFinished(false);
        assertEquals(0, counted.get());
    }

    @Test
    void aThreadTheScenarioStartsRecordsForThatScenario() throws InterruptedException {
        ScenarioExchanges.scenarioStarted();
        Thread concurrent = new Thread(() -> ScenarioExchanges.record(counted::incrementAndGet));
        concurrent.start();
        concurrent.join();
        assertEquals(0, counted.get());

        ScenarioExchanges.scenarioFinished(true);
        assertEquals(1, counted.get());
    }

    @Test
    void anExchangeOutsideAnyScenarioCountsAtOnce() {
        ScenarioExchanges.record(counted::incrementAndGet);
        assertEquals(1, counted.get());
    }
}
