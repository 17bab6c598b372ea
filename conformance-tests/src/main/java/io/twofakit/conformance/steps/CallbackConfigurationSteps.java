package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResourceResponses.assertConflict;
import static io.twofakit.conformance.steps.ResourceResponses.assertNotFound;
import static io.twofakit.conformance.steps.ResourceResponses.createdId;
import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.CallbackWorld;
import io.twofakit.conformance.ProfileWorld;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Callback configurations: where the delivery events of OTPs are posted, with which headers, for every
 * profile or for one. A scenario names each configuration by a base name, which also makes its URL unique
 * to the run ({@code https://hooks.example.com/twofa/<name>}); "the URL of" another base name is that URL.
 */
public class CallbackConfigurationSteps {

    static final String PATH = "/2fa/v4/configurations/callbacks";
    private static final String ITEM_PATH = PATH + "/{id}";
    private static final String URL_BASE = "https://hooks.example.com/twofa/";

    private final ScenarioState state;
    private final CallbackWorld world;
    private final ProfileWorld profiles;
    private final ScenarioAccounts accounts;
    private final ResourceRequests callbacks;

    public CallbackConfigurationSteps(ScenarioState state, CallbackWorld world, ProfileWorld profiles, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.profiles = profiles;
        this.accounts = accounts;
        // a configuration has no name: the scenario knows it by its URL
        this.callbacks = new ResourceRequests(state, world, PATH, "callback configuration",
                (owner, id) -> String.valueOf(listedById(owner, id).get("url")));
    }

    /** Which OTPs' events a configuration receives: those of every profile (empty), or of one profile (its base name). */
    @ParameterType("every profile|the profile \"[^\"]*\"")
    public Optional<String> scope(String text) {
        return text.equals("every profile") ? Optional.empty() : Optional.of(text.substring(13, text.length() - 1));
    }

    @After
    public void deleteTheCallbackConfigurationsTheScenarioCreated() {
        callbacks.deleteWhatTheScenarioCreated();
    }

    // ---- creating ----

    @Given("a callback configuration {string} for {scope}")
    public void aCallbackConfiguration(String base, Optional<String> scope) {
        itCreatesACallbackConfigurationAtTheUrlOf(base, base, scope);
        theCallbackConfigurationIsCreated();
    }

    @Given("a callback configuration {string} at the URL of {string} for {scope}")
    public void aCallbackConfigurationAtTheUrlOf(String base, String urlOf, Optional<String> scope) {
        itCreatesACallbackConfigurationAtTheUrlOf(base, urlOf, scope);
        theCallbackConfigurationIsCreated();
    }

    @Given("a callback configuration {string} for {scope} with the headers:")
    public void aCallbackConfigurationWithHeaders(String base, Optional<String> scope, DataTable headers) {
        itCreatesACallbackConfigurationWithHeaders(base, scope, headers);
        theCallbackConfigurationIsCreated();
    }

    @When("it creates a callback configuration {string} for {scope}")
    public void itCreatesACallbackConfiguration(String base, Optional<String> scope) {
        itCreatesACallbackConfigurationAtTheUrlOf(base, base, scope);
    }

    @When("it creates a callback configuration {string} at the URL of {string} for {scope}")
    public void itCreatesACallbackConfigurationAtTheUrlOf(String base, String urlOf, Optional<String> scope) {
        callbacks.create(base, state.client(), body(url(urlOf), Map.of(), scope));
    }

    @When("it creates a callback configuration {string} for {scope} with the headers:")
    public void itCreatesACallbackConfigurationWithHeaders(String base, Optional<String> scope, DataTable headers) {
        callbacks.create(base, state.client(), body(url(base), headers.asMap(), scope));
    }

    @When("it creates a callback configuration for the URL {string}")
    public void itCreatesACallbackConfigurationForTheUrl(String url) {
        callbacks.create(null, accounts.deliberatelyInvalid(), body(url, Map.of(), Optional.empty()));
    }

    @When("it creates a callback configuration with a URL of {int} characters")
    public void itCreatesACallbackConfigurationWithAUrlOfLength(int length) {
        String url = url("long") + "/";
        ApiClient client = length <= 2048 ? state.client() : accounts.deliberatelyInvalid();
        callbacks.create(null, client, body(url + "u".repeat(Math.max(0, length - url.length())), Map.of(), Optional.empty()));
    }

    @When("it creates a callback configuration {string} with the header {string} set to {string}")
    public void itCreatesACallbackConfigurationWithTheHeader(String base, String name, String value) {
        callbacks.create(base, state.client(), body(url(base), Map.of(name, value), Optional.empty()));
    }

    @When("it creates a callback configuration {string} with a header value of {int} characters")
    public void itCreatesACallbackConfigurationWithAHeaderValueOfLength(String base, int length) {
        ApiClient client = length <= 1024 ? state.client() : accounts.deliberatelyInvalid();
        callbacks.create(base, client, body(url(base), Map.of("X-Long", "v".repeat(length)), Optional.empty()));
    }

    @When("it creates a callback configuration {string} with {int} headers")
    public void itCreatesACallbackConfigurationWithHeaders(String base, int count) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            headers.put("X-Header-" + i, String.valueOf(i));
        }
        callbacks.create(base, count <= 20 ? state.client() : accounts.deliberatelyInvalid(), body(url(base), headers, Optional.empty()));
    }

    @When("it creates a callback configuration {string} for a profile that does not exist")
    public void itCreatesACallbackConfigurationForAProfileThatDoesNotExist(String base) {
        Map<String, Object> body = body(url(base), Map.of(), Optional.empty());
        body.put("profileId", UUID.randomUUID().toString());
        callbacks.create(base, state.client(), body);
    }

    @When("it creates a callback configuration from the body {string}")
    public void itCreatesACallbackConfigurationFromTheBody(String body) {
        ApiClient client = accounts.deliberatelyInvalid();
        callbacks.received(null, client, client.api().contentType(ContentType.JSON)
                .body(body.replace(ResourceResponses.NAME_PLACEHOLDER, url("raw"))).post(PATH));
    }

    @Then("the callback configuration is created")
    public void theCallbackConfigurationIsCreated() {
        createdId(state.lastResponse());
    }

    // ---- reading ----

    @Then("the callback configurations include {string} for {scope} without headers")
    public void theCallbackConfigurationsIncludeWithoutHeaders(String base, Optional<String> scope) {
        assertEquals(expected(base, world.get(base).name(), scope, Map.of()), listed(state.client(), base));
    }

    @Then("the callback configurations include {string} for {scope} with the headers:")
    public void theCallbackConfigurationsIncludeWithHeaders(String base, Optional<String> scope, DataTable headers) {
        assertEquals(expected(base, world.get(base).name(), scope, headers.asMap()), listed(state.client(), base));
    }

    @Then("the callback configurations include {string} at the URL of {string} for {scope} with the headers:")
    public void theCallbackConfigurationsIncludeAtTheUrlOf(String base, String urlOf, Optional<String> scope, DataTable headers) {
        assertEquals(expected(base, url(urlOf), scope, headers.asMap()), listed(state.client(), base));
    }

    @Then("the callback configurations do not include {string}")
    public void theCallbackConfigurationsDoNotInclude(String base) {
        assertFalse(listedIds(state.client()).contains(world.get(base).id()));
    }

    // ---- changing ----

    @When("it moves the callback configuration {string} to the URL of {string}")
    public void itMovesTheCallbackConfiguration(String base, String urlOf) {
        callbacks.patch(state.client(), base, Map.of("url", url(urlOf)));
        if (state.lastResponse().statusCode() == 200) {
            world.renamed(base, base, url(urlOf));
        }
    }

    @When("it changes the headers of the callback configuration {string} to:")
    public void itChangesTheHeaders(String base, DataTable headers) {
        callbacks.patch(state.client(), base, Map.of("url", world.get(base).name(), "headers", headers.asMap()));
    }

    @When("it scopes the callback configuration {string} to the profile {string}")
    public void itScopesTheCallbackConfiguration(String base, String profile) {
        callbacks.patch(state.client(), base, Map.of("url", world.get(base).name(), "profileId", profiles.get(profile).id()));
    }

    @When("it sets the header {string} of the callback configuration {string}")
    public void itSetsTheHeader(String header, String base) {
        callbacks.patch(state.client(), base,
                Map.of("url", world.get(base).name(), "headers", Map.of(header, "evil.example.com")));
    }

    @When("it moves the callback configuration {string} to the URL {string}")
    public void itMovesTheCallbackConfigurationToTheUrl(String base, String url) {
        callbacks.patch(state.client(), base, Map.of("url", url));
    }

    @When("it changes the headers of the callback configuration {string} without its URL")
    public void itChangesTheHeadersWithoutItsUrl(String base) {
        callbacks.patch(accounts.deliberatelyInvalid(), base, Map.of("headers", Map.of("X-Tenant", "other")));
    }

    @When("it scopes the callback configuration {string} to a profile that does not exist")
    public void itScopesTheCallbackConfigurationToAMissingProfile(String base) {
        callbacks.patch(state.client(), base, Map.of("url", world.get(base).name(), "profileId", UUID.randomUUID().toString()));
    }

    @Then("the change answers the callback configuration {string} at the URL of {string} for {scope} with the headers:")
    public void theChangeAnswers(String base, String urlOf, Optional<String> scope, DataTable headers) {
        theChangeAnswers(base, urlOf, scope, headers.asMap());
    }

    @Then("the change answers the callback configuration {string} at the URL of {string} for {scope} without headers")
    public void theChangeAnswersWithoutHeaders(String base, String urlOf, Optional<String> scope) {
        theChangeAnswers(base, urlOf, scope, Map.of());
    }

    private void theChangeAnswers(String base, String urlOf, Optional<String> scope, Map<String, String> headers) {
        Response response = state.lastResponse();
        assertStatus(200, response);
        Map<String, Object> answered = new LinkedHashMap<>(response.jsonPath().getMap(""));
        answered.putIfAbsent("headers", Map.of());
        assertEquals(expected(base, url(urlOf), scope, headers), answered, () -> describe(response));
    }

    // ---- deleting ----

    @When("it deletes the callback configuration {string}")
    public void itDeletesTheCallbackConfiguration(String base) {
        callbacks.delete(state.client(), base);
    }

    @When("it deletes the callback configuration {string} again")
    public void itDeletesTheCallbackConfigurationAgain(String base) {
        itDeletesTheCallbackConfiguration(base);
    }

    // ---- unknown and malformed ids ----

    @When("it {word} a callback configuration that does not exist")
    public void itActsOnACallbackConfigurationThatDoesNotExist(String action) {
        String id = UUID.randomUUID().toString();
        world.askedFor(id);
        state.received(act(state.client(), action, id));
    }

    @When("it {word} the callback configuration with the id {string}")
    public void itActsOnTheCallbackConfigurationWithTheId(String action, String id) {
        world.askedFor(id);
        state.received(act(accounts.deliberatelyInvalid(), action, id));
    }

    // ---- outcomes ----

    @Then("the callback configuration is not found, naming its id")
    public void theCallbackConfigurationIsNotFound() {
        assertNotFound(world.lastId(), state.lastResponse());
    }

    @Then("it is refused as a conflict: the callback configuration already exists")
    public void itIsRefusedAsAConflict() {
        assertConflict("Callback configuration already exists.", Map.of(), state.lastResponse());
    }

    @Then("the callback configuration is refused as invalid, naming the field {string}")
    public void theCallbackConfigurationIsRefusedAsInvalid(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    // ---- another account ----

    @When("the other account {word} the callback configuration {string}")
    public void theOtherAccountActsOnTheCallbackConfiguration(String action, String base) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(act(accounts.second(), action, id));
    }

    @Then("the other account's callback configurations do not include {string}")
    public void theOtherAccountsCallbackConfigurationsDoNotInclude(String base) {
        assertFalse(listedIds(accounts.second()).contains(world.get(base).id()));
    }

    // ----

    private String url(String base) {
        return URL_BASE + world.nameFor(base);
    }

    private Map<String, Object> body(String url, Map<String, String> headers, Optional<String> scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        if (!headers.isEmpty()) {
            body.put("headers", headers);
        }
        scope.ifPresent(profile -> body.put("profileId", profiles.get(profile).id()));
        return body;
    }

    /** The configuration as the server should show it. */
    private Map<String, Object> expected(String base, String url, Optional<String> scope, Map<String, String> headers) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", world.get(base).id());
        expected.put("url", url);
        expected.put("headers", headers);
        scope.ifPresent(profile -> expected.put("profileId", profiles.get(profile).id()));
        return expected;
    }

    private Response act(ApiClient client, String action, String id) {
        return switch (action) {
            case "changes" -> client.api().contentType(ContentType.JSON).body(Map.of("url", url("ghost"))).patch(ITEM_PATH, id);
            case "deletes" -> client.api().delete(ITEM_PATH, id);
            default -> throw new IllegalArgumentException("changes or deletes, not " + action);
        };
    }

    /** The listed configuration the scenario created under {@code base}. */
    private Map<String, Object> listed(ApiClient client, String base) {
        return listedById(client, world.get(base).id());
    }

    /** The listed configuration of that id; a configuration without headers is shown with none. */
    private Map<String, Object> listedById(ApiClient client, String id) {
        Response response = client.api().get(PATH);
        assertStatus(200, response);
        List<Map<String, Object>> all = response.jsonPath().getList("");
        Map<String, Object> configuration = new LinkedHashMap<>(all.stream().filter(c -> id.equals(c.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("callback configuration " + id + " not listed: " + describe(response))));
        configuration.putIfAbsent("headers", Map.of());
        return configuration;
    }

    private List<String> listedIds(ApiClient client) {
        Response response = client.api().get(PATH);
        assertStatus(200, response);
        return response.jsonPath().getList("id", String.class);
    }
}
