package io.twofakit.conformance.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import io.twofakit.conformance.ScenarioState;

/** twofa-kit's health check (an extension, not part of tyntec's API). */
public class HealthSteps {

    private final ScenarioState state;

    public HealthSteps(ScenarioState state) {
        this.state = state;
    }

    @When("it checks the health of the server")
    public void itChecksTheHealthOfTheServer() {
        state.received(state.client().extension().get("/health"));
    }

    @When("it asks whether the server is ready")
    public void itAsksWhetherTheServerIsReady() {
        state.received(state.client().extension().get("/health/ready"));
    }

    @When("it asks whether the server is alive")
    public void itAsksWhetherTheServerIsAlive() {
        state.received(state.client().extension().get("/health/live"));
    }

    @Then("the server reports that its database is up")
    public void theServerReportsThatItsDatabaseIsUp() {
        Response response = state.lastResponse();
        assertEquals("UP", response.jsonPath().getString("checks.database"), () -> ResponseChecks.describe(response));
    }

    @Then("the server reports that it is up")
    public void theServerReportsThatItIsUp() {
        Response response = state.lastResponse();
        assertEquals(200, response.statusCode(), () -> ResponseChecks.describe(response));
        assertEquals("UP", response.jsonPath().getString("status"), () -> ResponseChecks.describe(response));
    }
}
