package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.TemplateWorld;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The WhatsApp configuration of an account: the WhatsApp account it sends from. An account has at most one,
 * and the API offers no way to delete it, so a scenario that needs an account without one takes whichever
 * configured account has none yet, and is skipped when every account has one.
 */
public class WhatsAppConfigurationSteps {

    static final String PATH = "/2fa/v4/configurations/channels/whatsapp";

    private final ScenarioState state;
    private final TemplateWorld world;
    private final ScenarioAccounts accounts;
    private UUID firstWhatsAppAccountId;

    public WhatsAppConfigurationSteps(ScenarioState state, TemplateWorld world, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.accounts = accounts;
    }

    @Given("an account without a WhatsApp configuration")
    public void anAccountWithoutAWhatsAppConfiguration() {
        for (ApiClient account : accounts.all()) {
            Response response = account.api().get(PATH);
            if (response.statusCode() == 404) {
                state.actAs(account);
                return;
            }
            assertStatus(200, response);
        }
        Assumptions.abort("Every account whose key was given already has a WhatsApp configuration, and a"
                + " configuration cannot be deleted: this scenario needs the key of an account without one");
    }

    /** Makes sure the first account is configured (creating a configuration if it has none) and acts as it. */
    @Given("the account has a WhatsApp configuration")
    public void theAccountHasAWhatsAppConfiguration() {
        ApiClient account = accounts.first();
        state.actAs(account);
        if (account.api().get(PATH).statusCode() == 404) {
            Response created = account.api().contentType(ContentType.JSON)
                    .body(Map.of("whatsAppAccountId", UUID.randomUUID().toString())).post(PATH);
            // 409: another scenario configured it meanwhile, which is as good
            assertTrue(created.statusCode() == 201 || created.statusCode() == 409, () -> describe(created));
        }
        Response read = account.api().get(PATH);
        assertStatus(200, read);
        world.whatsAppAccountIdIs(UUID.fromString(read.jsonPath().getString("whatsAppAccountId")));
    }

    @When("it reads its WhatsApp configuration")
    public void itReadsItsWhatsAppConfiguration() {
        state.received(state.client().api().get(PATH));
    }

    @Then("there is no WhatsApp configuration to read")
    public void thereIsNoWhatsAppConfigurationToRead() {
        Response response = state.lastResponse();
        assertStatus(404, response);
        assertNumberAt(404, "status", response, () -> describe(response));
        assertTrue(Optional.ofNullable(response.jsonPath().getString("title")).filter(t -> !t.isBlank()).isPresent(),
                () -> describe(response));
    }

    @When("it creates its WhatsApp configuration")
    public void itCreatesItsWhatsAppConfiguration() {
        firstWhatsAppAccountId = UUID.randomUUID();
        create(firstWhatsAppAccountId);
    }

    @When("it creates another WhatsApp configuration")
    public void itCreatesAnotherWhatsAppConfiguration() {
        create(UUID.randomUUID());
    }

    @When("it creates a WhatsApp configuration without a WhatsApp account id")
    public void itCreatesAWhatsAppConfigurationWithoutAnId() {
        state.received(accounts.deliberatelyInvalid().api().contentType(ContentType.JSON).body(Map.of()).post(PATH));
    }

    @When("it creates a WhatsApp configuration with the WhatsApp account id {string}")
    public void itCreatesAWhatsAppConfigurationWithTheId(String id) {
        state.received(accounts.deliberatelyInvalid().api().contentType(ContentType.JSON)
                .body(Map.of("whatsAppAccountId", id)).post(PATH));
    }

    @Then("the WhatsApp configuration is created")
    public void theWhatsAppConfigurationIsCreated() {
        assertStatus(201, state.lastResponse());
    }

    @Then("reading it gives the WhatsApp account id it was created with")
    public void readingItGivesTheIdItWasCreatedWith() {
        Response response = state.client().api().get(PATH);
        assertStatus(200, response);
        assertEquals(firstWhatsAppAccountId.toString(), response.jsonPath().getString("whatsAppAccountId"),
                () -> describe(response));
    }

    @Then("it is refused because the account already has a WhatsApp configuration")
    public void itIsRefusedBecauseTheAccountAlreadyHasOne() {
        Response response = state.lastResponse();
        assertStatus(409, response);
        assertNumberAt(409, "status", response, () -> describe(response));
        assertEquals("Conflict", response.jsonPath().getString("title"), () -> describe(response));
        assertEquals("WhatsApp configuration already exist.", response.jsonPath().getString("detail"),
                () -> describe(response));
    }

    @Then("the WhatsApp configuration is refused as invalid, naming the field {string}")
    public void theWhatsAppConfigurationIsRefusedAsInvalid(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    private void create(UUID whatsAppAccountId) {
        state.received(state.client().api().contentType(ContentType.JSON)
                .body(Map.of("whatsAppAccountId", whatsAppAccountId.toString())).post(PATH));
    }
}
