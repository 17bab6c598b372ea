package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResourceResponses.assertConflict;
import static io.twofakit.conformance.steps.ResourceResponses.assertNotFound;
import static io.twofakit.conformance.steps.ResourceResponses.createdId;
import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ProfileWorld;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Profiles: which templates an OTP is sent with, per channel and language, and the rules of generated codes.
 * A scenario lists a profile's templates in a table of {@code channel | template | language} rows; rows of one
 * channel that follow each other form one channel entry, and a row without a template is a channel without
 * templates. Template names are the scenario's base names of templates it created.
 */
public class ProfileSteps {

    static final String PATH = "/2fa/v4/profiles";
    private static final String ITEM_PATH = PATH + "/{id}";
    private static final String TEMPLATES_PATH = ITEM_PATH + "/templates";
    private static final String TEMPLATE_PATH = TEMPLATES_PATH + "/{name}";
    /** Profiles go before the templates they use: this hook runs before the template steps' cleanup. */
    static final int CLEANUP_ORDER = 20_000;

    private final ScenarioState state;
    private final ProfileWorld world;
    private final ScenarioAccounts accounts;
    private final ResourceRequests profiles;

    public ProfileSteps(ScenarioState state, ProfileWorld world, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.accounts = accounts;
        this.profiles = new ResourceRequests(state, world, PATH, "profile",
                (owner, id) -> owner.api().get(ITEM_PATH, id).jsonPath().getString("name"));
    }

    /** Whether generated codes mix letters into the digits, as the contract sends it ("true" or "false"). */
    @ParameterType("alphanumeric|numeric")
    public String codeKind(String kind) {
        return String.valueOf(kind.equals("alphanumeric"));
    }

    @After(order = CLEANUP_ORDER)
    public void deleteTheProfilesTheScenarioCreated() {
        profiles.deleteWhatTheScenarioCreated();
    }

    // ---- creating ----

    @Given("a profile {string} with the channels:")
    public void aProfileWithTheChannels(String base, DataTable channels) {
        itCreatesAProfileWithTheChannels(base, channels);
        theProfileIsCreated();
    }

    @Given("a profile {string} with the {word} template {string} in {word}")
    public void aProfileWithTheTemplate(String base, String channel, String template, String language) {
        itCreatesAProfileWithTheTemplate(base, channel, template, language);
        theProfileIsCreated();
    }

    @Given("the other account has a profile {string}")
    public void theOtherAccountHasAProfile(String base) {
        profiles.create(base, accounts.second(), body(world.nameFor(base), List.of()));
        theProfileIsCreated();
    }

    @When("it creates a profile {string} with the {word} template {string} in {word}")
    public void itCreatesAProfileWithTheTemplate(String base, String channel, String template, String language) {
        profiles.create(base, state.client(), body(world.nameFor(base), List.of(entry(channel, List.of(ref(template, language))))));
    }

    @When("it creates a profile {string} with the channels:")
    public void itCreatesAProfileWithTheChannels(String base, DataTable channels) {
        profiles.create(base, state.client(), body(world.nameFor(base), channels(channels)));
    }

    @When("it creates a profile {string} with {int} attempts, {codeKind} codes of {int} characters and the channels:")
    public void itCreatesAProfileWithSettings(String base, int attempts, String alphanumeric, int length, DataTable channels) {
        Map<String, Object> body = body(world.nameFor(base), channels(channels));
        body.put("attempts", attempts);
        body.put("alphanumeric", alphanumeric);
        body.put("otpCodeLength", length);
        profiles.create(base, state.client(), body);
    }

    @When("it creates a profile with a name of {int} characters")
    public void itCreatesAProfileWithANameOfLength(int length) {
        String name = world.nameFor("long");
        ApiClient client = length <= 256 ? state.client() : accounts.deliberatelyInvalid();
        profiles.create(null, client, body(name + "n".repeat(Math.max(0, length - name.length())), List.of()));
    }

    @When("it creates a profile from the body {string}")
    public void itCreatesAProfileFromTheBody(String body) {
        ApiClient client = accounts.deliberatelyInvalid();
        profiles.received(null, client, client.api().contentType(ContentType.JSON)
                .body(body.replace(ResourceResponses.NAME_PLACEHOLDER, world.nameFor("raw"))).post(PATH));
    }

    @Then("the profile is created")
    public void theProfileIsCreated() {
        createdId(state.lastResponse());
    }

    // ---- reading ----

    @Then("the profile {string} reads back with {int} attempts and {codeKind} codes of {int} characters")
    public void theProfileReadsBackWith(String base, int attempts, String alphanumeric, int length) {
        Map<String, Object> profile = read(base);
        assertEquals(world.get(base).id(), profile.get("id"));
        assertEquals(world.get(base).name(), profile.get("name"));
        assertEquals(attempts, profile.get("attempts"), () -> "attempts of " + profile);
        assertEquals(Boolean.valueOf(alphanumeric), profile.get("alphanumeric"), () -> "alphanumeric of " + profile);
        assertEquals(length, profile.get("otpCodeLength"), () -> "otpCodeLength of " + profile);
    }

    @Then("the profile {string} has the channels:")
    public void theProfileHasTheChannels(String base, DataTable expected) {
        assertEquals(channels(expected), read(base).get("channels"));
    }

    @Then("the profile {string} has no channels")
    public void theProfileHasNoChannels(String base) {
        assertEquals(List.of(), read(base).get("channels"));
    }

    @When("it reads the profile with the id {string}")
    public void itReadsTheProfileWithTheId(String id) {
        profiles.readById(accounts.deliberatelyInvalid(), id);
    }

    @When("it lists the profiles")
    public void itListsTheProfiles() {
        profiles.list();
    }

    @When("it lists the profiles named {string}")
    public void itListsTheProfilesNamed(String base) {
        profiles.listNamed(base);
    }

    @Then("the list holds the profiles {string} and {string}")
    public void theListHoldsTheProfiles(String first, String second) {
        List<String> ids = profiles.listedIds();
        assertTrue(ids.contains(world.get(first).id()), () -> first + " missing: " + ids);
        assertTrue(ids.contains(world.get(second).id()), () -> second + " missing: " + ids);
    }

    @Then("the list holds exactly the profile {string}")
    public void theListHoldsExactlyTheProfile(String base) {
        assertEquals(List.of(world.get(base).id()), profiles.listedIds());
    }

    // ---- changing ----

    @When("it renames the profile {string} to {string}")
    public void itRenamesTheProfile(String base, String newBase) {
        profiles.rename(base, newBase);
    }

    @When("it changes the profile {string} to {int} attempts and {codeKind} codes of {int} characters")
    public void itChangesTheSettings(String base, int attempts, String alphanumeric, int length) {
        profiles.patch(state.client(), base, Map.of("attempts", attempts, "alphanumeric", alphanumeric, "otpCodeLength", length));
    }

    @When("it changes the channels of the profile {string} to:")
    public void itChangesTheChannels(String base, DataTable channels) {
        profiles.patch(state.client(), base, Map.of("channels", channels(channels)));
    }

    @When("it allows {int} attempts to the profile {string}")
    public void itAllowsAttempts(int attempts, String base) {
        profiles.patch(accounts.deliberatelyInvalid(), base, Map.of("attempts", attempts));
    }

    @When("it gives the profile {string} codes of {int} characters, alphanumeric {string}")
    public void itGivesCodes(String base, int length, String alphanumeric) {
        profiles.patch(accounts.deliberatelyInvalid(), base, Map.of("otpCodeLength", length, "alphanumeric", alphanumeric));
    }

    @When("it changes the channel of the profile {string} to the unknown channel {string}")
    public void itChangesTheChannelToAnUnknownOne(String base, String channel) {
        profiles.patch(accounts.deliberatelyInvalid(), base,
                Map.of("channels", List.of(Map.of("type", channel, "templates", List.of()))));
    }

    @When("it adds to the profile {string} the templates:")
    public void itAddsTemplates(String base, DataTable channels) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(state.client().api().contentType(ContentType.JSON).body(Map.of("channels", channels(channels)))
                .post(TEMPLATES_PATH, id));
    }

    @When("it adds to the profile {string} no channel at all")
    public void itAddsNoChannel(String base) {
        addDeliberatelyInvalid(base, Map.of("channels", List.of()));
    }

    @When("it adds to the profile {string} an SMS channel whose template is null")
    public void itAddsANullTemplate(String base) {
        List<Object> templates = new ArrayList<>();
        templates.add(null);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("type", "SMS");
        channel.put("templates", templates);
        addDeliberatelyInvalid(base, Map.of("channels", List.of(channel)));
    }

    private void addDeliberatelyInvalid(String base, Map<String, Object> body) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(accounts.deliberatelyInvalid().api().contentType(ContentType.JSON).body(body).post(TEMPLATES_PATH, id));
    }

    @Then("the templates are added")
    public void theTemplatesAreAdded() {
        assertStatus(201, state.lastResponse());
    }

    @When("it removes the template {string} from the profile {string}")
    public void itRemovesTheTemplate(String template, String base) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(state.client().api().delete(TEMPLATE_PATH, id, world.nameFor(template)));
    }

    @Then("it is not found, naming the template {string}")
    public void itIsNotFoundNamingTheTemplate(String template) {
        Response response = state.lastResponse();
        assertStatus(404, response);
        assertEquals("No Resource Found", response.jsonPath().getString("title"), () -> describe(response));
        assertTrue(response.jsonPath().getString("detail").contains(world.nameFor(template)), () -> describe(response));
    }

    // ---- deleting ----

    @When("it deletes the profile {string}")
    public void itDeletesTheProfile(String base) {
        profiles.delete(state.client(), base);
    }

    @When("it deletes the profile {string} again")
    public void itDeletesTheProfileAgain(String base) {
        itDeletesTheProfile(base);
    }

    @Then("the profile {string} is no longer found")
    public void theProfileIsNoLongerFound(String base) {
        profiles.assertNoLongerFound(base);
    }

    // ---- unknown ids ----

    @When("it {word} a profile that does not exist")
    public void itActsOnAProfileThatDoesNotExist(String action) {
        profiles.actOnAnUnknownId(action, Map.of("attempts", 5));
    }

    @When("it adds templates to a profile that does not exist:")
    public void itAddsTemplatesToAProfileThatDoesNotExist(DataTable channels) {
        String id = UUID.randomUUID().toString();
        world.askedFor(id);
        state.received(state.client().api().contentType(ContentType.JSON).body(Map.of("channels", channels(channels)))
                .post(TEMPLATES_PATH, id));
    }

    @When("it removes the template {string} from a profile that does not exist")
    public void itRemovesATemplateFromAProfileThatDoesNotExist(String template) {
        String id = UUID.randomUUID().toString();
        world.askedFor(id);
        state.received(state.client().api().delete(TEMPLATE_PATH, id, world.nameFor(template)));
    }

    // ---- outcomes ----

    @Then("the profile is not found, naming its id")
    public void theProfileIsNotFound() {
        assertNotFound(world.lastId(), state.lastResponse());
    }

    @Then("it is refused as a conflict naming the profile {string}")
    public void itIsRefusedAsAConflictNamingTheProfile(String base) {
        String name = world.nameFor(base);
        assertConflict("Profile with name " + name + " already exists. Profile name must be unique.",
                Map.of("profileName", name), state.lastResponse());
    }

    @Then("it is refused as a conflict over a second {word} template in {word}")
    public void itIsRefusedAsAConflictOverASecondTemplate(String channel, String language) {
        assertConflict("Template with language " + language + " for " + channel
                        + " channel already exists. Only one language per channel is allowed.",
                Map.of("channel", channel, "language", language), state.lastResponse());
    }

    @Then("the profile is refused as invalid, naming the field {string}")
    public void theProfileIsRefusedAsInvalid(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    @Then("the profile is refused as invalid, naming the fields {string} and {string}")
    public void theProfileIsRefusedAsInvalidNamingBoth(String field, String other) {
        assertViolationNaming(field, state.lastResponse());
        assertViolationNaming(other, state.lastResponse());
    }

    @Then("the profile is refused because the {word} template {string} does not exist, naming the field {string}")
    public void theProfileIsRefusedForAMissingTemplate(String channel, String template, String field) {
        Response response = state.lastResponse();
        assertViolationNaming(field, response);
        List<Map<String, String>> violations = response.jsonPath().getList("violations");
        String message = violations.stream().filter(v -> field.equals(v.get("field"))).findFirst().orElseThrow().get("message");
        assertTrue(message.contains(world.nameFor(template)) && message.contains(channel),
                () -> "the violation should name the template and its channel: " + describe(response));
    }

    @Then("it is refused as a conflict: the template {string} is used by the profile {string}")
    public void itIsRefusedBecauseAProfileUsesTheTemplate(String template, String profile) {
        Response response = state.lastResponse();
        String templateName = world.nameFor(template);
        String profileName = world.nameFor(profile);
        assertStatus(409, response);
        assertEquals("Conflict", response.jsonPath().getString("title"), () -> describe(response));
        assertEquals(templateName, response.jsonPath().getString("templateName"), () -> describe(response));
        assertEquals(profileName, response.jsonPath().getString("profileName"), () -> describe(response));
        String detail = response.jsonPath().getString("detail");
        assertTrue(detail.contains(templateName) && detail.contains(profileName), () -> describe(response));
    }

    // ---- another account ----

    @When("the other account {word} the profile {string}")
    public void theOtherAccountActsOnTheProfile(String action, String base) {
        String id = world.get(base).id();
        world.askedFor(id);
        ApiClient other = accounts.second();
        state.received(switch (action) {
            case "reads" -> other.api().get(ITEM_PATH, id);
            case "changes" -> other.api().contentType(ContentType.JSON).body(Map.of("name", world.nameFor("stolen")))
                    .patch(ITEM_PATH, id);
            case "deletes" -> other.api().delete(ITEM_PATH, id);
            default -> throw new IllegalArgumentException("reads, changes or deletes, not " + action);
        });
    }

    @When("the other account adds to the profile {string} the templates:")
    public void theOtherAccountAddsTemplates(String base, DataTable channels) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(accounts.second().api().contentType(ContentType.JSON)
                .body(Map.of("channels", channels(channels))).post(TEMPLATES_PATH, id));
    }

    @When("the other account removes the template {string} from the profile {string}")
    public void theOtherAccountRemovesTheTemplate(String template, String base) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(accounts.second().api().delete(TEMPLATE_PATH, id, world.nameFor(template)));
    }

    @Then("the other account's profiles do not include {string}")
    public void theOtherAccountsProfilesDoNotInclude(String base) {
        Response response = accounts.second().api().queryParam("name", world.get(base).name()).get(PATH);
        assertStatus(200, response);
        assertEquals(List.of(), response.jsonPath().getList("id", String.class), () -> describe(response));
    }

    // ----

    /**
     * The channel entries of a {@code channel | template | language} table: consecutive rows of one channel
     * form one entry; a row without template stands for a channel without templates.
     */
    private List<Map<String, Object>> channels(DataTable table) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String previous = null;
        List<Map<String, Object>> templates = null;
        for (Map<String, String> row : table.asMaps()) {
            String channel = Objects.requireNonNull(row.get("channel"), "every row names its channel");
            if (!channel.equals(previous)) {
                templates = new ArrayList<>();
                entries.add(entry(channel, templates));
                previous = channel;
            }
            if (row.get("template") != null) {
                templates.add(ref(row.get("template"), row.get("language")));
            } else {
                assertNull(row.get("language"), "a row without template has no language");
            }
        }
        return entries;
    }

    private static Map<String, Object> entry(String channel, List<Map<String, Object>> templates) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("templates", templates);
        entry.put("type", channel.toUpperCase(Locale.ROOT));
        return entry;
    }

    private Map<String, Object> ref(String template, String language) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("languageCode", language);
        ref.put("name", world.nameFor(template));
        return ref;
    }

    private static Map<String, Object> body(String name, List<Map<String, Object>> channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("channels", channels);
        return body;
    }

    private Map<String, Object> read(String base) {
        Response response = state.client().api().get(ITEM_PATH, world.get(base).id());
        assertStatus(200, response);
        return response.jsonPath().getMap("");
    }
}
