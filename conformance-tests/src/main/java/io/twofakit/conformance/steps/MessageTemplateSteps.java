package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static io.twofakit.conformance.steps.TemplateResponses.assertTemplateConflict;
import static io.twofakit.conformance.steps.TemplateResponses.assertTemplateNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.TemplateWorld;
import io.twofakit.conformance.TemplateWorld.TextChannel;
import io.twofakit.conformance.TemplateWorld.TextTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SMS, Viber and Voice templates: the texts that carry an OTP code on each channel. The three channels
 * behave alike, so every step names its channel ({@code SMS}, {@code Viber} or {@code Voice}).
 */
public class MessageTemplateSteps {

    static final String DEFAULT_MESSAGE = "Your code is {{otp_code}}. It expires in {{expiration_time}} minutes.";
    private static final int DEFAULT_EXPIRY = 3;
    private static final int MAX_NAME_LENGTH = 256;
    private static final int MAX_MESSAGE_LENGTH = 512;

    private final ScenarioState state;
    private final TemplateWorld world;
    private final ScenarioAccounts accounts;

    public MessageTemplateSteps(ScenarioState state, TemplateWorld world, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.accounts = accounts;
    }

    @ParameterType("SMS|Viber|Voice")
    public TextChannel channel(String name) {
        return TextChannel.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** How a scenario describes a JSON value of the wrong type. */
    @ParameterType("text|a number|a boolean|a list|an object")
    public Object jsonValueOfKind(String kind) {
        return switch (kind) {
            case "text" -> "three";
            case "a number" -> 42;
            case "a boolean" -> true;
            case "a list" -> List.of("{{otp_code}}");
            default -> Map.of("value", "{{otp_code}}");
        };
    }

    @After
    public void deleteTheTextTemplatesTheScenarioCreated() {
        world.forEachTextTemplateToDelete((owner, channel, id) -> {
            Response response = owner.api().delete(channel.itemPath(), id);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404,
                    () -> "cleaning up " + channel + " template " + id + ": " + describe(response));
        });
    }

    // ---- creating ----

    @Given("a(n) {channel} template {string} in {word}")
    public void aTemplateIn(TextChannel channel, String base, String language) {
        aTemplateWithTheMessage(channel, base, language, DEFAULT_MESSAGE);
    }

    @Given("a(n) {channel} template {string} in {word} with the message {string}")
    public void aTemplateWithTheMessage(TextChannel channel, String base, String language, String message) {
        itCreatesATemplateWithTheMessage(channel, base, language, message);
        theTemplateIsCreated(channel);
    }

    @When("it creates a(n) {channel} template {string} in {word}")
    public void itCreatesATemplate(TextChannel channel, String base, String language) {
        itCreatesATemplateWithTheMessage(channel, base, language, DEFAULT_MESSAGE);
    }

    @When("it creates a(n) {channel} template {string} in {word} with the message {string}")
    public void itCreatesATemplateWithTheMessage(TextChannel channel, String base, String language, String message) {
        create(channel, state.client(), world.nameFor(base), language, message, null);
    }

    @When("it creates a(n) {channel} template {string} in {word} valid for {int} minutes")
    public void itCreatesATemplateValidFor(TextChannel channel, String base, String language, int minutes) {
        create(channel, state.client(), world.nameFor(base), language, DEFAULT_MESSAGE, minutes);
    }

    @When("it creates a(n) {channel} template whose message lacks the code placeholder")
    public void itCreatesATemplateWithoutThePlaceholder(TextChannel channel) {
        create(channel, accounts.deliberatelyInvalid(), world.nameFor("no_placeholder"), "en",
                "Your code expires in {{expiration_time}} minutes.", null);
    }

    @When("it creates a(n) {channel} template with a name of {int} characters")
    public void itCreatesATemplateWithANameOfLength(TextChannel channel, int length) {
        String name = world.nameFor("long");
        create(channel, clientFor(length <= MAX_NAME_LENGTH), name + "n".repeat(Math.max(0, length - name.length())),
                "en", DEFAULT_MESSAGE, null);
    }

    @When("it creates a(n) {channel} template with a message of {int} characters")
    public void itCreatesATemplateWithAMessageOfLength(TextChannel channel, int length) {
        String start = "{{otp_code}} ";
        create(channel, clientFor(length <= MAX_MESSAGE_LENGTH), world.nameFor("long_message"), "en",
                start + "m".repeat(length - start.length()), null);
    }

    @When("it creates a(n) {channel} template valid for {int} minutes")
    public void itCreatesATemplateValidForMinutes(TextChannel channel, int minutes) {
        create(channel, clientFor(minutes >= 1), world.nameFor("expiry"), "en", DEFAULT_MESSAGE, minutes);
    }

    @When("it creates a(n) {channel} template in the unknown language {string}")
    public void itCreatesATemplateInAnUnknownLanguage(TextChannel channel, String language) {
        Map<String, Object> body = body(world.nameFor("unknown_language"), language, DEFAULT_MESSAGE, null);
        send(channel, accounts.deliberatelyInvalid(), body);
    }

    @When("it creates a(n) {channel} template without a {word}")
    public void itCreatesATemplateWithout(TextChannel channel, String field) {
        Map<String, Object> body = body(world.nameFor("incomplete"), "en", DEFAULT_MESSAGE, null);
        assertNotNull(body.remove(field), () -> "a template has no field " + field);
        send(channel, accounts.deliberatelyInvalid(), body);
    }

    @When("it creates a(n) {channel} template with its {word} given as {jsonValueOfKind}")
    public void itCreatesATemplateWithAWrongType(TextChannel channel, String field, Object value) {
        Map<String, Object> body = body(world.nameFor("wrong_type"), "en", DEFAULT_MESSAGE, DEFAULT_EXPIRY);
        assertTrue(body.containsKey(field), () -> "a template has no field " + field);
        body.put(field, value);
        send(channel, accounts.deliberatelyInvalid(), body);
    }

    @When("it creates a(n) {channel} template from a malformed JSON body")
    public void itCreatesATemplateFromMalformedJson(TextChannel channel) {
        Response response = accounts.deliberatelyInvalid().api().contentType(ContentType.JSON)
                .body("{\"name\": \"" + world.nameFor("malformed") + "\", \"language\": ")
                .post(channel.collectionPath());
        state.received(response);
    }

    @Then("the {channel} template is created")
    public void theTemplateIsCreated(TextChannel channel) {
        Response response = state.lastResponse();
        assertStatus(201, response);
        UUID.fromString(response.jsonPath().getString("id"));
    }

    // ---- reading and listing ----

    @When("it reads the {channel} template {string}")
    public void itReadsTheTemplate(TextChannel channel, String base) {
        TextTemplate template = world.textTemplate(channel, base);
        world.askedFor(template.id());
        state.received(state.client().api().get(channel.itemPath(), template.id()));
    }

    @When("it asks for a(n) {channel} template that does not exist")
    public void itAsksForATemplateThatDoesNotExist(TextChannel channel) {
        String unknown = UUID.randomUUID().toString();
        world.askedFor(unknown);
        state.received(state.client().api().get(channel.itemPath(), unknown));
    }

    @When("it asks for the {channel} template with the id {string}")
    public void itAsksForTheTemplateWithTheId(TextChannel channel, String id) {
        world.askedFor(id);
        state.received(accounts.deliberatelyInvalid().api().get(channel.itemPath(), id));
    }

    @Then("the {channel} template {string} reads back in {word} with the message {string} valid for {int} minutes")
    public void theTemplateReadsBack(TextChannel channel, String base, String language, String message, int minutes) {
        TextTemplate template = world.textTemplate(channel, base);
        Response response = state.client().api().get(channel.itemPath(), template.id());
        assertStatus(200, response);
        assertEquals(Map.of(
                        "id", template.id(),
                        "channel", channel.wire(),
                        "name", world.nameFor(base),
                        "language", language,
                        "message", message,
                        "codeExpirationTime", minutes),
                response.jsonPath().getMap(""), () -> describe(response));
    }

    @Then("the {channel} template {string} reads back valid for {int} minutes")
    public void theTemplateReadsBackValidFor(TextChannel channel, String base, int minutes) {
        Response response = state.client().api().get(channel.itemPath(), world.textTemplate(channel, base).id());
        assertStatus(200, response);
        assertNumberAt(minutes, "codeExpirationTime", response, () -> describe(response));
    }

    @Then("the {channel} template {string} is unchanged")
    public void theTemplateIsUnchanged(TextChannel channel, String base) {
        TextTemplate template = world.textTemplate(channel, base);
        Response response = accounts.first().api().get(channel.itemPath(), template.id());
        assertStatus(200, response);
        assertEquals(template.name(), response.jsonPath().getString("name"), () -> describe(response));
        assertEquals(template.language(), response.jsonPath().getString("language"), () -> describe(response));
        assertEquals(template.message(), response.jsonPath().getString("message"), () -> describe(response));
        assertNumberAt(template.codeExpirationTime(), "codeExpirationTime", response,
                () -> describe(response));
    }

    @When("it lists the {channel} templates")
    public void itListsTheTemplates(TextChannel channel) {
        state.received(state.client().api().get(channel.collectionPath()));
    }

    @When("it lists the {channel} templates named {string}")
    public void itListsTheTemplatesNamed(TextChannel channel, String base) {
        state.received(state.client().api().queryParam("name", world.nameFor(base)).get(channel.collectionPath()));
    }

    @When("it lists the {channel} templates in {word}")
    public void itListsTheTemplatesIn(TextChannel channel, String language) {
        state.received(state.client().api().queryParam("language", language).get(channel.collectionPath()));
    }

    @When("it lists the {channel} templates named {string} in {word}")
    public void itListsTheTemplatesNamedIn(TextChannel channel, String base, String language) {
        state.received(state.client().api().queryParam("name", world.nameFor(base)).queryParam("language", language)
                .get(channel.collectionPath()));
    }

    @When("it lists the {channel} templates in the unknown language {string}")
    public void itListsTheTemplatesInAnUnknownLanguage(TextChannel channel, String language) {
        state.received(accounts.deliberatelyInvalid().api().queryParam("language", language).get(channel.collectionPath()));
    }

    @Then("the list holds the {channel} templates {string} and {string}")
    public void theListHoldsTheTemplates(TextChannel channel, String first, String second) {
        List<String> ids = listedIds(channel);
        assertTrue(ids.contains(world.textTemplate(channel, first).id()), () -> first + " missing: " + ids);
        assertTrue(ids.contains(world.textTemplate(channel, second).id()), () -> second + " missing: " + ids);
    }

    @Then("the list holds exactly the {channel} template {string}")
    public void theListHoldsExactlyTheTemplate(TextChannel channel, String base) {
        assertEquals(List.of(world.textTemplate(channel, base).id()), listedIds(channel));
    }

    @Then("the list holds the {channel} template {string} but not {string}")
    public void theListHoldsTheTemplateButNot(TextChannel channel, String included, String excluded) {
        List<String> ids = listedIds(channel);
        assertTrue(ids.contains(world.textTemplate(channel, included).id()), () -> included + " missing: " + ids);
        assertFalse(ids.contains(world.textTemplate(channel, excluded).id()), () -> excluded + " listed: " + ids);
    }

    @Then("the list of {channel} templates is empty")
    public void theListIsEmpty(TextChannel channel) {
        assertEquals(List.of(), listedIds(channel));
    }

    /** The ids of the last listing, which must be the channel's templates and nothing else. */
    private List<String> listedIds(TextChannel channel) {
        Response response = state.lastResponse();
        assertStatus(200, response);
        List<String> channels = response.jsonPath().getList("channel", String.class);
        assertTrue(channels.stream().allMatch(channel.wire()::equals), () -> "other channels listed: " + channels);
        return response.jsonPath().getList("id", String.class);
    }

    // ---- changing ----

    @When("it changes the message of the {channel} template {string} to {string}")
    public void itChangesTheMessage(TextChannel channel, String base, String message) {
        patch(channel, base, Map.of("message", message), state.client());
    }

    @When("it changes the message of the {channel} template {string} to one that lacks the code placeholder")
    public void itChangesTheMessageToOneWithoutThePlaceholder(TextChannel channel, String base) {
        patch(channel, base, Map.of("message", "No code here"), accounts.deliberatelyInvalid());
    }

    @When("it changes the expiry of the {channel} template {string} to {int} minutes")
    public void itChangesTheExpiry(TextChannel channel, String base, int minutes) {
        patch(channel, base, Map.of("codeExpirationTime", minutes), state.client());
    }

    @When("it renames the {channel} template {string} to {string}")
    public void itRenamesTheTemplate(TextChannel channel, String base, String newBase) {
        patch(channel, base, Map.of("name", world.nameFor(newBase)), state.client());
        if (state.lastResponse().statusCode() == 200) {
            world.renamed(world.textTemplate(channel, base), world.nameFor(newBase));
        }
    }

    @When("it patches a(n) {channel} template that does not exist")
    public void itPatchesATemplateThatDoesNotExist(TextChannel channel) {
        String unknown = UUID.randomUUID().toString();
        world.askedFor(unknown);
        state.received(state.client().api().contentType(ContentType.JSON).body(Map.of("codeExpirationTime", 5))
                .patch(channel.itemPath(), unknown));
    }

    @Then("the change is accepted")
    public void theChangeIsAccepted() {
        assertStatus(200, state.lastResponse());
    }

    @Then("the {channel} template {string} reads back under its new name")
    public void theTemplateReadsBackUnderItsNewName(TextChannel channel, String newBase) {
        Response response = state.client().api().get(channel.itemPath(), world.textTemplate(channel, newBase).id());
        assertStatus(200, response);
        assertEquals(world.nameFor(newBase), response.jsonPath().getString("name"), () -> describe(response));
    }

    @Then("it is refused as a conflict naming the {channel} template {string}")
    public void itIsRefusedAsAConflict(TextChannel channel, String base) {
        String name = world.nameFor(base);
        Response response = state.lastResponse();
        assertTemplateConflict(name, response);
        assertEquals("Template with name " + name + " already exists in " + channel.wire()
                + " channel. Template name must be unique.", response.jsonPath().getString("detail"));
    }

    // ---- deleting ----

    @When("it deletes the {channel} template {string}")
    public void itDeletesTheTemplate(TextChannel channel, String base) {
        TextTemplate template = world.textTemplate(channel, base);
        world.askedFor(template.id());
        state.received(state.client().api().delete(channel.itemPath(), template.id()));
    }

    @When("it deletes the {channel} template {string} again")
    public void itDeletesTheTemplateAgain(TextChannel channel, String base) {
        itDeletesTheTemplate(channel, base);
    }

    @When("it deletes a(n) {channel} template that does not exist")
    public void itDeletesATemplateThatDoesNotExist(TextChannel channel) {
        String unknown = UUID.randomUUID().toString();
        world.askedFor(unknown);
        state.received(state.client().api().delete(channel.itemPath(), unknown));
    }

    @Then("the deletion is accepted")
    public void theDeletionIsAccepted() {
        assertStatus(200, state.lastResponse());
    }

    @Then("the {channel} template {string} is no longer found")
    public void theTemplateIsNoLongerFound(TextChannel channel, String base) {
        String id = world.textTemplate(channel, base).id();
        assertTemplateNotFound(id, state.client().api().get(channel.itemPath(), id));
    }

    @Then("it is not found, naming the template's id")
    public void itIsNotFoundNamingTheId() {
        assertTemplateNotFound(world.lastId(), state.lastResponse());
    }

    @Then("it is refused as invalid or not found, never as a server error")
    public void itIsRefusedAsInvalidOrNotFound() {
        Response response = state.lastResponse();
        if (response.statusCode() == 400) {
            assertViolationNaming("id", response);
        } else {
            assertTemplateNotFound(world.lastId(), response);
        }
    }

    @Then("the template is refused as invalid, naming the field {string}")
    public void theTemplateIsRefusedAsInvalidNaming(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    // ---- another account ----

    @When("the other account reads the {channel} template {string}")
    public void theOtherAccountReads(TextChannel channel, String base) {
        String id = world.textTemplate(channel, base).id();
        world.askedFor(id);
        state.received(accounts.second().api().get(channel.itemPath(), id));
    }

    @When("the other account renames the {channel} template {string} to {string}")
    public void theOtherAccountRenames(TextChannel channel, String base, String newBase) {
        patch(channel, base, Map.of("name", world.nameFor(newBase)), accounts.second());
    }

    @When("the other account deletes the {channel} template {string}")
    public void theOtherAccountDeletes(TextChannel channel, String base) {
        String id = world.textTemplate(channel, base).id();
        world.askedFor(id);
        state.received(accounts.second().api().delete(channel.itemPath(), id));
    }

    @Then("the other account's {channel} templates do not include {string}")
    public void theOtherAccountsTemplatesDoNotInclude(TextChannel channel, String base) {
        TextTemplate template = world.textTemplate(channel, base);
        Response response = accounts.second().api().queryParam("name", template.name()).get(channel.collectionPath());
        assertStatus(200, response);
        assertEquals(List.of(), response.jsonPath().getList("id", String.class), () -> describe(response));
    }

    // ----

    /** The current client, or the same account's client for requests that break the contract on purpose. */
    private ApiClient clientFor(boolean conforming) {
        return conforming ? state.client() : accounts.deliberatelyInvalid();
    }

    private void create(TextChannel channel, ApiClient client, String name, String language, String message,
                        Integer minutes) {
        send(channel, client, body(name, language, message, minutes));
        if (state.lastResponse().statusCode() == 201) {
            world.remember(new TextTemplate(channel, state.lastResponse().jsonPath().getString("id"), name, language,
                    message, minutes == null ? DEFAULT_EXPIRY : minutes));
        }
    }

    /** Posts a new template; whatever the server creates, also when the scenario expects a refusal, is deleted afterwards. */
    private void send(TextChannel channel, ApiClient client, Map<String, Object> body) {
        Response response = client.api().contentType(ContentType.JSON).body(body).post(channel.collectionPath());
        state.received(response);
        if (response.statusCode() == 201) {
            world.deleteAfterwards(client, channel, response.jsonPath().getString("id"));
        }
    }

    private void patch(TextChannel channel, String base, Map<String, Object> changes, ApiClient client) {
        TextTemplate template = world.textTemplate(channel, base);
        world.askedFor(template.id());
        RequestSpecification request = client.api().contentType(ContentType.JSON).body(changes);
        state.received(request.patch(channel.itemPath(), template.id()));
    }

    private static Map<String, Object> body(String name, String language, String message, Integer minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("language", language);
        body.put("message", message);
        if (minutes != null) {
            body.put("codeExpirationTime", minutes);
        }
        return body;
    }
}
