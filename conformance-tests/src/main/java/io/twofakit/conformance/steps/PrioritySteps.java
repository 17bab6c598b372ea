package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResourceResponses.assertConflict;
import static io.twofakit.conformance.steps.ResourceResponses.assertNotFound;
import static io.twofakit.conformance.steps.ResourceResponses.createdId;
import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.PriorityWorld;
import io.twofakit.conformance.ResourceWorld.Created;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Priorities: which channel is tried first and which one is the backup. A scenario writes the entries as
 * "SMS at 1 and VIBER at 2": a channel and its rank, a lower rank tried first.
 */
public class PrioritySteps {

    static final String PATH = "/2fa/v4/priorities";
    private static final String ITEM_PATH = PATH + "/{id}";
    private static final Pattern ENTRY = Pattern.compile("([A-Z]+) at (-?\\d+)");

    private final ScenarioState state;
    private final PriorityWorld world;
    private final ScenarioAccounts accounts;
    private final ResourceRequests priorities;

    public PrioritySteps(ScenarioState state, PriorityWorld world, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.accounts = accounts;
        this.priorities = new ResourceRequests(state, world, PATH, "priority",
                (owner, id) -> owner.api().get(ITEM_PATH, id).jsonPath().getString("name"));
    }

    /** Channel entries as a scenario writes them: {@code SMS at 1 and VIBER at 2}. */
    @ParameterType("[A-Z]+ at -?\\d+(?: and [A-Z]+ at -?\\d+)*")
    public List<Map<String, Object>> channelRanks(String text) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Matcher entry = ENTRY.matcher(text);
        while (entry.find()) {
            Map<String, Object> rank = new LinkedHashMap<>();
            rank.put("channel", entry.group(1));
            rank.put("priority", Integer.parseInt(entry.group(2)));
            entries.add(rank);
        }
        return entries;
    }

    @After
    public void deleteThePrioritiesTheScenarioCreated() {
        priorities.deleteWhatTheScenarioCreated();
    }

    // ---- creating ----

    @Given("a priority {string} trying {channelRanks}")
    public void aPriority(String base, List<Map<String, Object>> channels) {
        itCreatesAPriority(base, channels);
        thePriorityIsCreated();
    }

    @When("it creates a priority {string} trying {channelRanks}")
    public void itCreatesAPriority(String base, List<Map<String, Object>> channels) {
        priorities.create(base, state.client(), body(world.nameFor(base), channels));
    }

    @When("it creates a priority {string} trying {channelRanks}, which breaks the contract")
    public void itCreatesAPriorityBreakingTheContract(String base, List<Map<String, Object>> channels) {
        priorities.create(base, accounts.deliberatelyInvalid(), body(world.nameFor(base), channels));
    }

    @When("it creates a priority with a name of {int} characters")
    public void itCreatesAPriorityWithANameOfLength(int length) {
        String name = world.nameFor("long");
        ApiClient client = length <= 256 ? state.client() : accounts.deliberatelyInvalid();
        priorities.create(null, client, body(name + "n".repeat(Math.max(0, length - name.length())), channelRanks("SMS at 1")));
    }

    @When("it creates a priority from the body {string}")
    public void itCreatesAPriorityFromTheBody(String body) {
        Response response = accounts.deliberatelyInvalid().api().contentType(ContentType.JSON)
                .body(body.replace(ResourceResponses.NAME_PLACEHOLDER, world.nameFor("raw"))).post(PATH);
        priorities.received(null, accounts.deliberatelyInvalid(), response);
    }

    @Then("the priority is created")
    public void thePriorityIsCreated() {
        createdId(state.lastResponse());
    }

    // ---- reading ----

    @Then("the priority {string} reads back trying {channelRanks}")
    public void thePriorityReadsBack(String base, List<Map<String, Object>> channels) {
        Created priority = world.get(base);
        Response response = state.client().api().get(ITEM_PATH, priority.id());
        assertStatus(200, response);
        assertEquals(Map.of("id", priority.id(), "name", priority.name(), "channelPriority", channels),
                response.jsonPath().getMap(""), () -> describe(response));
    }

    @When("it reads the priority with the id {string}")
    public void itReadsThePriorityWithTheId(String id) {
        priorities.readById(accounts.deliberatelyInvalid(), id);
    }

    @When("it lists the priorities")
    public void itListsThePriorities() {
        priorities.list();
    }

    @When("it lists the priorities named {string}")
    public void itListsThePrioritiesNamed(String base) {
        priorities.listNamed(base);
    }

    @Then("the list holds the priorities {string} and {string}")
    public void theListHoldsThePriorities(String first, String second) {
        List<String> ids = priorities.listedIds();
        assertTrue(ids.contains(world.get(first).id()), () -> first + " missing: " + ids);
        assertTrue(ids.contains(world.get(second).id()), () -> second + " missing: " + ids);
    }

    @Then("the list holds exactly the priority {string}")
    public void theListHoldsExactlyThePriority(String base) {
        assertEquals(List.of(world.get(base).id()), priorities.listedIds());
    }

    // ---- changing ----

    @When("it renames the priority {string} to {string}")
    public void itRenamesThePriority(String base, String newBase) {
        priorities.rename(base, newBase);
    }

    @When("it changes the channels of the priority {string} to {channelRanks}")
    public void itChangesTheChannels(String base, List<Map<String, Object>> channels) {
        priorities.patch(state.client(), base, Map.of("channelPriority", channels));
    }

    @When("it removes every channel of the priority {string}")
    public void itRemovesEveryChannel(String base) {
        priorities.patch(state.client(), base, Map.of("channelPriority", List.of()));
    }

    @When("it changes the channels of the priority {string} to {channelRanks}, which breaks the contract")
    public void itChangesTheChannelsAgainstTheContract(String base, List<Map<String, Object>> channels) {
        priorities.patch(accounts.deliberatelyInvalid(), base, Map.of("channelPriority", channels));
    }

    @When("it renames the priority {string} to an empty name")
    public void itRenamesThePriorityToAnEmptyName(String base) {
        priorities.patch(accounts.deliberatelyInvalid(), base, Map.of("name", ""));
    }

    @Then("the priority {string} reads back without channels")
    public void thePriorityReadsBackWithoutChannels(String base) {
        thePriorityReadsBack(base, List.of());
    }

    // ---- deleting ----

    @When("it deletes the priority {string}")
    public void itDeletesThePriority(String base) {
        priorities.delete(state.client(), base);
    }

    @When("it deletes the priority {string} again")
    public void itDeletesThePriorityAgain(String base) {
        itDeletesThePriority(base);
    }

    @Then("the priority {string} is no longer found")
    public void thePriorityIsNoLongerFound(String base) {
        priorities.assertNoLongerFound(base);
    }

    // ---- unknown ids ----

    @When("it {word} a priority that does not exist")
    public void itActsOnAPriorityThatDoesNotExist(String action) {
        priorities.actOnAnUnknownId(action, Map.of("name", world.nameFor("ghost")));
    }

    // ---- outcomes ----

    @Then("the priority is not found, naming its id")
    public void thePriorityIsNotFound() {
        assertNotFound(world.lastId(), state.lastResponse());
    }

    @Then("it is refused as a conflict naming the priority {string}")
    public void itIsRefusedAsAConflictNamingThePriority(String base) {
        String name = world.nameFor(base);
        assertConflict("Priority with name " + name + " already exists. Priority name must be unique.",
                Map.of("priorityName", name), state.lastResponse());
    }

    @Then("the priority is refused as invalid, naming the field {string}")
    public void thePriorityIsRefusedAsInvalid(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    // ---- another account ----

    @When("the other account reads the priority {string}")
    public void theOtherAccountReadsThePriority(String base) {
        priorities.read(accounts.second(), base);
    }

    @When("the other account renames the priority {string} to {string}")
    public void theOtherAccountRenamesThePriority(String base, String newBase) {
        priorities.patch(accounts.second(), base, Map.of("name", world.nameFor(newBase)));
    }

    @When("the other account deletes the priority {string}")
    public void theOtherAccountDeletesThePriority(String base) {
        priorities.delete(accounts.second(), base);
    }

    @Then("the other account's priorities do not include {string}")
    public void theOtherAccountsPrioritiesDoNotInclude(String base) {
        Response response = accounts.second().api().queryParam("name", world.get(base).name()).get(PATH);
        assertStatus(200, response);
        assertEquals(List.of(), response.jsonPath().getList("id", String.class), () -> describe(response));
    }

    // ----

    private static Map<String, Object> body(String name, List<Map<String, Object>> channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("channelPriority", channels);
        return body;
    }
}
