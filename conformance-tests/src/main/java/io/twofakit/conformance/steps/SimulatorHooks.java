package io.twofakit.conformance.steps;

import static io.restassured.RestAssured.given;

import io.cucumber.java.Before;
import io.twofakit.conformance.ConformanceConfig;
import io.twofakit.conformance.RequestTimeouts;
import io.twofakit.conformance.ScenarioState;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opentest4j.TestAbortedException;

/**
 * Scenarios tagged {@code @simulator} drive twofa-kit's simulator controls (the handset, the account's clock, the
 * webhook deliveries), which need the API key like the 2FA API. A target without them (a real deployment, a mock,
 * or twofa-kit with {@code --simulator off}) does not answer 200 there to a request with the configured key; those
 * scenarios are then skipped with the reason instead of failing. Exclude them outright with
 * {@code -Dcucumber.filter.tags="not @simulator"}.
 */
public class SimulatorHooks {

    /** Whether a target has the controls, asked once per target and run: it does not change during a run. */
    private static final ConcurrentMap<String, Boolean> HAS_SIMULATOR = new ConcurrentHashMap<>();

    private final ScenarioState state;

    public SimulatorHooks(ScenarioState state) {
        this.state = state;
    }

    @Before("@simulator")
    public void skipWithoutTheSimulator() {
        String baseUrl = state.config().baseUrl();
        String apiKey = state.config().apiKey();
        if (!HAS_SIMULATOR.computeIfAbsent(baseUrl, url -> probe(url, apiKey, state.config()))) {
            throw new TestAbortedException("The target " + baseUrl + " has no simulator controls (GET "
                    + HandsetSteps.MESSAGES_PATH + " with the API key is not 200): this scenario needs them");
        }
    }

    private static boolean probe(String baseUrl, String apiKey, ConformanceConfig config) {
        try {
            return given().config(RequestTimeouts.restAssured(config)).baseUri(baseUrl).header("apiKey", apiKey).queryParam("to", "+10000000000")
                    .get(HandsetSteps.MESSAGES_PATH).statusCode() == 200;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }
}
