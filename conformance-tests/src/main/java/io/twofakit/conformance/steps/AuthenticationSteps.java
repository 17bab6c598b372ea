package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ScenarioState;
import java.util.UUID;

/** Who the client is: API keys, and whether the server lets a request in. */
public class AuthenticationSteps {

    private final ScenarioState state;

    public AuthenticationSteps(ScenarioState state) {
        this.state = state;
    }

    @Given("a client without an API key")
    public void aClientWithoutAnApiKey() {
        // A request without the apiKey header breaks the contract's security requirement on purpose.
        state.actAs(new ApiClient(state.config().baseUrl(), null, ApiClient.Requests.DELIBERATELY_INVALID));
    }

    @Given("a client with an unknown API key")
    public void aClientWithAnUnknownApiKey() {
        String unknownKey = "unknown-" + UUID.randomUUID();
        state.actAs(new ApiClient(state.config().baseUrl(), unknownKey, ApiClient.Requests.CONFORMING));
    }

    @Given("a client with a valid API key")
    public void aClientWithAValidApiKey() {
        state.actAs(new ApiClient(state.config().baseUrl(), state.config().apiKey(), ApiClient.Requests.CONFORMING));
    }

    @Then("the request is refused as unauthorized")
    public void theRequestIsRefusedAsUnauthorized() {
        Response response = state.lastResponse();
        assertEquals(401, response.statusCode(), () -> "expected 401, got: " + describe(response));
        assertTrue(response.contentType().startsWith("application/json"),
                () -> "a 401 should be JSON, got " + response.contentType());
        assertNumberAt(401, "status", response, () -> "body status of " + describe(response));
        String title = response.jsonPath().getString("title");
        assertNotNull(title, () -> "a 401 should have a title: " + describe(response));
        assertFalse(title.isBlank(), () -> "a 401 should have a title: " + describe(response));
    }

    @Then("the request is not refused as unauthorized")
    public void theRequestIsNotRefusedAsUnauthorized() {
        Response response = state.lastResponse();
        assertNotEquals(401, response.statusCode(), () -> "the key was refused: " + describe(response));
    }
}
