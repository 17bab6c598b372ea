package io.twofakit.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The accounts a scenario can act as: the configured API key's, the second account's (scenarios that use it
 * are tagged {@code @second-account}), and a client that sends requests breaking the contract on purpose.
 * PicoContainer makes one per scenario.
 */
public class ScenarioAccounts {

    private final ScenarioState state;

    public ScenarioAccounts(ScenarioState state) {
        this.state = state;
    }

    /** The client of the configured API key, sending requests that conform to the contract. */
    public ApiClient first() {
        return new ApiClient(state.config().baseUrl(), state.config().apiKey(), ApiClient.Requests.CONFORMING);
    }

    /** The client of the second account's key; scenarios that use it are tagged {@code @second-account}. */
    public ApiClient second() {
        String key = state.config().secondApiKey().orElseThrow(() -> new IllegalStateException(
                "This scenario needs a second account: tag it @second-account"));
        return new ApiClient(state.config().baseUrl(), key, ApiClient.Requests.CONFORMING);
    }

    /** The accounts whose keys were given: the first, and the second when there is one. */
    public List<ApiClient> all() {
        List<ApiClient> accounts = new ArrayList<>(List.of(first()));
        if (state.config().secondApiKey().isPresent()) {
            accounts.add(second());
        }
        return accounts;
    }

    /**
     * The scenario's current client with the same key (none when it has none), for a request that breaks the
     * contract on purpose: only its response is validated.
     */
    public ApiClient deliberatelyInvalid() {
        return new ApiClient(state.config().baseUrl(), state.client().apiKey().orElse(null),
                ApiClient.Requests.DELIBERATELY_INVALID);
    }
}
