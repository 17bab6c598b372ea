package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ClockWorld;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The account's clock: the simulator's control that moves an account's time forward ({@code @simulator}
 * scenarios), so that OTPs expire without waiting. Each account has a clock of its own: moving it changes that
 * account's expiry and timestamps only.
 */
public class ClockSteps {

    static final String CLOCK_PATH = "/simulator/clock";

    private final ScenarioState state;
    private final ScenarioAccounts accounts;
    private final ClockWorld world;

    public ClockSteps(ScenarioState state, ScenarioAccounts accounts, ClockWorld world) {
        this.state = state;
        this.accounts = accounts;
        this.world = world;
    }

    @When("the account's clock moves forward {int} seconds")
    public void theAccountsClockMovesForward(int seconds) {
        moveForward(state.client(), seconds);
    }

    @When("the other account moves its clock forward {int} seconds")
    public void theOtherAccountMovesItsClockForward(int seconds) {
        moveForward(accounts.second(), seconds);
    }

    @When("it reads its clock")
    public void itReadsItsClock() {
        state.received(state.client().extension().get(CLOCK_PATH));
    }

    @When("it moves its clock forward {int} seconds")
    public void itMovesItsClockForward(int seconds) {
        state.received(move(state.client(), seconds));
    }

    @Given("the time on the account's clock is noted")
    public void theTimeOnTheAccountsClockIsNoted() {
        world.noted(now(state.client()));
    }

    @Then("the account's clock has moved on less than {int} seconds since")
    public void theAccountsClockHasMovedOnLessThan(int seconds) {
        OffsetDateTime now = now(state.client());
        assertTrue(now.isBefore(world.noted().plusSeconds(seconds)),
                () -> "the account's clock went from " + world.noted() + " to " + now);
    }

    @Then("the account's clock reads at least {int} seconds ahead of the real time")
    public void theAccountsClockReadsAheadOfTheRealTime(int seconds) {
        Response clock = state.client().extension().get(CLOCK_PATH);
        state.received(clock);
        assertStatus(200, clock);
        Duration ahead = Duration.between(OffsetDateTime.parse(clock.jsonPath().getString("realTime")),
                OffsetDateTime.parse(clock.jsonPath().getString("now")));
        assertTrue(ahead.toSeconds() >= seconds, () -> "ahead by " + ahead + ": " + describe(clock));
    }

    /** Moves the clock of the client's account and checks that it moved at least that far. */
    private static void moveForward(ApiClient client, int seconds) {
        OffsetDateTime before = now(client);
        Response moved = move(client, seconds);
        assertStatus(200, moved);
        OffsetDateTime after = OffsetDateTime.parse(moved.jsonPath().getString("now"));
        assertTrue(!after.isBefore(before.plus(Duration.ofSeconds(seconds))),
                () -> "the clock went from " + before + " to " + describe(moved));
    }

    private static Response move(ApiClient client, int seconds) {
        return client.extension().contentType(ContentType.JSON).body(Map.of("advanceSeconds", seconds))
                .post(CLOCK_PATH);
    }

    private static OffsetDateTime now(ApiClient client) {
        Response now = client.extension().get(CLOCK_PATH);
        assertStatus(200, now);
        return OffsetDateTime.parse(now.jsonPath().getString("now"));
    }
}
