package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.TemplateWorld;
import io.twofakit.conformance.TemplateWorld.TextChannel;
import io.twofakit.conformance.TemplateWorld.TextTemplate;
import java.util.List;
import java.util.Map;

/** The list of every template of an account, of every channel, in one shape. */
public class TemplateOverviewSteps {

    private final ScenarioState state;
    private final TemplateWorld world;
    private final ScenarioAccounts accounts;

    public TemplateOverviewSteps(ScenarioState state, TemplateWorld world, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.accounts = accounts;
    }

    @When("it lists the templates of every channel")
    public void itListsTheTemplatesOfEveryChannel() {
        state.received(state.client().api().get("/2fa/v4/templates"));
    }

    @Then("the templates of every channel include the {channel} template {string} as it was created")
    public void theyIncludeTheTextTemplate(TextChannel channel, String base) {
        TextTemplate template = world.textTemplate(channel, base);
        assertEquals(Map.of(
                        "id", template.id(),
                        "channel", channel.wire(),
                        "name", template.name(),
                        "language", template.language(),
                        "message", template.message(),
                        "codeExpirationTime", template.codeExpirationTime()),
                listed(template.id()));
    }

    @Then("the other account's templates of every channel do not include the {channel} template {string}")
    public void theOtherAccountsDoNotInclude(TextChannel channel, String base) {
        String id = world.textTemplate(channel, base).id();
        Response response = accounts.second().api().get("/2fa/v4/templates");
        assertStatus(200, response);
        assertFalse(response.jsonPath().getList("id", String.class).contains(id), () -> describe(response));
    }

    /** The entry of the last list of every template with this id. */
    static Map<String, Object> listed(Response response, String id) {
        assertStatus(200, response);
        List<Map<String, Object>> entries = response.jsonPath().getList("findAll { it.id == '" + id + "' }");
        assertEquals(1, entries.size(), () -> "template " + id + " listed " + entries.size() + " times: " + describe(response));
        return entries.get(0);
    }

    private Map<String, Object> listed(String id) {
        return listed(state.lastResponse(), id);
    }
}
