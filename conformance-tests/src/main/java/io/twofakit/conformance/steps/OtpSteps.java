package io.twofakit.conformance.steps;

import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static io.twofakit.conformance.steps.ResourceResponses.assertNotFound;
import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.OtpWorld;
import io.twofakit.conformance.OtpWorld.SentOtp;
import io.twofakit.conformance.PriorityWorld;
import io.twofakit.conformance.ProfileWorld;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * OTPs: sending, reading, validating, listing and deleting them. A scenario names the profiles and priorities
 * it created by their base names; OTPs it does not name are "the OTP". A recipient is written as a number, which
 * stands for a number of the scenario's own ({@link OtpWorld#numberFor}); OTPs are told apart by their ids, so a
 * scenario can run again against the same server.
 */
public class OtpSteps {

    static final String PATH = "/2fa/v4/otp";
    static final String ITEM_PATH = PATH + "/{id}";
    static final String VALIDATE_PATH = ITEM_PATH + "/validate";
    /** A code no profile generates (it has a hyphen) and no scenario sends: always wrong. */
    static final String WRONG_CODE = "zz-wrong";
    /** The statuses the list filters by, as the contract's enum of {@code otpStatus} gives them. */
    private static final Set<String> LIST_FILTERS = Set.of("VERIFIED", "TOO_MANY_ATTEMPTS");

    private final ScenarioState state;
    private final OtpWorld world;
    private final ProfileWorld profiles;
    private final PriorityWorld priorities;
    private final ScenarioAccounts accounts;

    public OtpSteps(ScenarioState state, OtpWorld world, ProfileWorld profiles, PriorityWorld priorities,
                    ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.profiles = profiles;
        this.priorities = priorities;
        this.accounts = accounts;
    }

    @After
    public void deleteTheOtpsTheScenarioSent() {
        for (SentOtp otp : world.all()) {
            Response response = otp.owner().api().delete(ITEM_PATH, otp.id());
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404,
                    () -> "cleaning up OTP " + otp.id() + ": " + describe(response));
        }
    }

    // ---- sending ----

    @When("an OTP is sent to {string} with the profile {string}")
    public void anOtpIsSent(String to, String profile) {
        send(OtpWorld.THE_OTP, to, profile, Map.of());
    }

    @When("an OTP with the code {string} is sent to {string} with the profile {string}")
    public void anOtpWithTheCodeIsSent(String code, String to, String profile) {
        send(OtpWorld.THE_OTP, to, profile, Map.of("otpCode", code));
    }

    @When("an OTP is sent to {string} with the profile {string} in {word}")
    public void anOtpIsSentInLanguage(String to, String profile, String language) {
        send(OtpWorld.THE_OTP, to, profile, Map.of("languageCode", language));
    }

    @When("an OTP with the code {string} is sent to {string} with the profile {string} in {word}")
    public void anOtpWithTheCodeIsSentInLanguage(String code, String to, String profile, String language) {
        send(OtpWorld.THE_OTP, to, profile, Map.of("otpCode", code, "languageCode", language));
    }

    @When("an OTP is sent to {string} with the profile {string} and the priority {string}")
    public void anOtpIsSentWithThePriority(String to, String profile, String priority) {
        send(OtpWorld.THE_OTP, to, profile, Map.of("priorityName", priorities.get(priority).name()));
    }

    @When("an OTP is sent to {string} with the profile {string} and the senders:")
    public void anOtpIsSentWithTheSenders(String to, String profile, DataTable senders) {
        send(OtpWorld.THE_OTP, to, profile, new LinkedHashMap<>(senders.asMap()));
    }

    @Given("an OTP {string} with the code {string} sent to {string} with the profile {string}")
    public void anOtpWithTheCodeSent(String name, String code, String to, String profile) {
        send(name, to, profile, Map.of("otpCode", code));
        theOtpIsAccepted();
    }

    @Given("an OTP with the code {string} sent to {string} with the profile {string}")
    public void theOtpWithTheCodeSent(String code, String to, String profile) {
        anOtpWithTheCodeSent(OtpWorld.THE_OTP, code, to, profile);
    }

    @Then("the OTP is accepted")
    public void theOtpIsAccepted() {
        Response response = state.lastResponse();
        assertStatus(202, response);
        String id = response.jsonPath().getString("id");
        assertEquals(id, UUID.fromString(id).toString(), () -> "the id should be a UUID: " + describe(response));
    }

    private void send(String name, String to, String profile, Map<String, String> fields) {
        String number = world.numberFor(to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", number);
        body.put("profileName", profiles.get(profile).name());
        body.putAll(fields);
        ApiClient client = state.client();
        Response response = client.api().contentType(ContentType.JSON).body(body).post(PATH);
        state.received(response);
        if (response.statusCode() == 202) {
            world.sent(new SentOtp(name, response.jsonPath().getString("id"), number, profile, client));
        }
    }

    // ---- bad requests ----

    @When("an OTP is sent to {string} with the profile {string}, its {word} being {string}")
    public void anOtpIsSentWithAField(String to, String profile, String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", world.numberFor(to));
        body.put("profileName", profiles.get(profile).name());
        body.put(field, value);
        sendDeliberatelyInvalid(body);
    }

    @When("an OTP is sent to {string} with a profile that does not exist")
    public void anOtpIsSentWithAnUnknownProfile(String to) {
        state.received(state.client().api().contentType(ContentType.JSON)
                .body(Map.of("to", world.numberFor(to), "profileName", profiles.nameFor("missing"))).post(PATH));
    }

    @When("an OTP is sent with the profile {string} but without a recipient")
    public void anOtpIsSentWithoutARecipient(String profile) {
        sendDeliberatelyInvalid(Map.of("profileName", profiles.get(profile).name()));
    }

    @When("an OTP is sent to {string} without a profile")
    public void anOtpIsSentWithoutAProfile(String to) {
        sendDeliberatelyInvalid(Map.of("to", world.numberFor(to)));
    }

    @When("an OTP is sent from the body {string}")
    public void anOtpIsSentFromTheBody(String body) {
        state.received(accounts.deliberatelyInvalid().api().contentType(ContentType.JSON).body(body).post(PATH));
    }

    private void sendDeliberatelyInvalid(Map<String, Object> body) {
        state.received(accounts.deliberatelyInvalid().api().contentType(ContentType.JSON).body(body).post(PATH));
    }

    @Then("the OTP request is refused as invalid, naming the field {string}")
    public void theOtpRequestIsRefusedAsInvalid(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    // ---- reading ----

    @Then("the OTP reads back as {word} with {int} of {int} attempts used")
    public void theOtpReadsBackAs(String status, int used, int allowed) {
        Response response = read(OtpWorld.THE_OTP);
        assertEquals(status, response.jsonPath().getString("otpStatus"), () -> describe(response));
        assertNumberAt(used, "attemptCount", response, () -> describe(response));
        assertNumberAt(allowed, "allowedAttempts", response, () -> describe(response));
    }

    @Then("the OTP reads back as {word}")
    public void theOtpReadsBackAs(String status) {
        Response response = read(OtpWorld.THE_OTP);
        assertEquals(status, response.jsonPath().getString("otpStatus"), () -> describe(response));
    }

    @Then("the OTP reads back sent to {string}, expiring {int} minutes after it was created")
    public void theOtpReadsBackExpiring(String to, int minutes) {
        Response response = read(OtpWorld.THE_OTP);
        assertEquals(world.get(OtpWorld.THE_OTP).id(), response.jsonPath().getString("otpId"), () -> describe(response));
        assertEquals(world.numberFor(to), response.jsonPath().getString("to"), () -> describe(response));
        OffsetDateTime created = OffsetDateTime.parse(response.jsonPath().getString("otpCreated"));
        OffsetDateTime expires = OffsetDateTime.parse(response.jsonPath().getString("otpExpire"));
        assertEquals(Duration.ofMinutes(minutes), Duration.between(created, expires), () -> describe(response));
    }

    private Response read(String name) {
        Response response = state.client().api().get(ITEM_PATH, world.get(name).id());
        state.received(response);
        assertStatus(200, response);
        return response;
    }

    // ---- validating ----

    @When("the code {string} is validated")
    public void theCodeIsValidated(String code) {
        validate(state.client(), world.get(OtpWorld.THE_OTP).id(), code);
    }

    @When("a wrong code is validated")
    public void aWrongCodeIsValidated() {
        theCodeIsValidated(WRONG_CODE);
    }

    @When("the code the recipient received is validated")
    public void theCodeTheRecipientReceivedIsValidated() {
        theCodeIsValidated(world.receivedCode(OtpWorld.THE_OTP));
    }

    @When("the code {string} is validated for the OTP {string}")
    public void theCodeIsValidatedForTheOtp(String code, String name) {
        validate(state.client(), world.get(name).id(), code);
    }

    @Then("the validation answers {word}")
    public void theValidationAnswers(String outcome) {
        Response response = state.lastResponse();
        assertStatus(200, response);
        assertEquals(outcome, response.jsonPath().getString("otpStatus"), () -> describe(response));
    }

    @When("a code of {int} characters is validated")
    public void aCodeOfLengthIsValidated(int length) {
        ApiClient client = length >= 4 && length <= 11 ? state.client() : accounts.deliberatelyInvalid();
        validate(client, world.get(OtpWorld.THE_OTP).id(), "x".repeat(length));
    }

    @When("the OTP is validated without a code")
    public void theOtpIsValidatedWithoutACode() {
        state.received(accounts.deliberatelyInvalid().api().contentType(ContentType.JSON).body(Map.of())
                .post(VALIDATE_PATH, world.get(OtpWorld.THE_OTP).id()));
    }

    private void validate(ApiClient client, String id, String code) {
        world.askedFor(id);
        state.received(client.api().contentType(ContentType.JSON).body(Map.of("otpCode", code)).post(VALIDATE_PATH, id));
    }

    // ---- listing ----

    @When("it lists the OTPs sent to {string}")
    public void itListsTheOtpsSentTo(String to) {
        list(Map.of("to", world.numberFor(to)));
    }

    @When("it lists the OTPs that are {word}")
    public void itListsTheOtpsThatAre(String status) {
        list(Map.of("otpStatus", status));
    }

    @When("it lists the OTPs sent to {string} that are {word}")
    public void itListsTheOtpsSentToThatAre(String to, String status) {
        list(Map.of("to", world.numberFor(to), "otpStatus", status));
    }

    private void list(Map<String, String> filters) {
        String status = filters.get("otpStatus");
        ApiClient client = status == null || LIST_FILTERS.contains(status) ? state.client() : accounts.deliberatelyInvalid();
        state.received(client.api().queryParams(filters).get(PATH));
    }

    @Then("the list holds the OTPs {string} and {string}, newest first")
    public void theListHoldsNewestFirst(String newer, String older) {
        String newerId = world.get(newer).id();
        String olderId = world.get(older).id();
        assertEquals(List.of(newerId, olderId), listedOf(List.of(newerId, olderId)));
    }

    @Then("the list holds the OTP {string} but not {string}")
    public void theListHoldsButNot(String included, String excluded) {
        String includedId = world.get(included).id();
        assertEquals(List.of(includedId), listedOf(List.of(includedId, world.get(excluded).id())));
    }

    @Then("every OTP in the list was sent to {string}")
    public void everyOtpInTheListWasSentTo(String to) {
        Response response = state.lastResponse();
        assertStatus(200, response);
        List<String> recipients = response.jsonPath().getList("to", String.class);
        String number = world.numberFor(to);
        assertFalse(recipients.isEmpty(), () -> describe(response));
        assertTrue(recipients.stream().allMatch(number::equals), () -> describe(response));
    }

    @Then("every OTP in the list is {word}")
    public void everyOtpInTheListIs(String status) {
        Response response = state.lastResponse();
        assertStatus(200, response);
        List<String> statuses = response.jsonPath().getList("otpStatus", String.class);
        assertFalse(statuses.isEmpty(), () -> describe(response));
        assertTrue(statuses.stream().allMatch(status::equals), () -> describe(response));
    }

    /** The ids of the last list that are among {@code ids}, in the list's order. */
    private List<String> listedOf(List<String> ids) {
        Response response = state.lastResponse();
        assertStatus(200, response);
        return response.jsonPath().getList("otpId", String.class).stream().filter(ids::contains).toList();
    }

    // ---- deleting ----

    @When("it deletes the OTP")
    public void itDeletesTheOtp() {
        String id = world.get(OtpWorld.THE_OTP).id();
        world.askedFor(id);
        state.received(state.client().api().delete(ITEM_PATH, id));
    }

    @When("it deletes the OTP again")
    public void itDeletesTheOtpAgain() {
        itDeletesTheOtp();
    }

    @Then("the OTP is deleted")
    public void theOtpIsDeleted() {
        assertStatus(200, state.lastResponse());
    }

    @Then("the OTP is no longer found")
    public void theOtpIsNoLongerFound() {
        String id = world.get(OtpWorld.THE_OTP).id();
        Response response = state.client().api().get(ITEM_PATH, id);
        state.received(response);
        assertNotFound(id, response);
    }

    // ---- unknown ids, malformed ids, other accounts ----

    @When("it {word} an OTP that does not exist")
    public void itActsOnAnOtpThatDoesNotExist(String action) {
        String id = UUID.randomUUID().toString();
        world.askedFor(id);
        state.received(act(state.client(), action, id));
    }

    @When("it {word} the OTP with the id {string}")
    public void itActsOnTheOtpWithTheId(String action, String id) {
        world.askedFor(id);
        state.received(act(accounts.deliberatelyInvalid(), action, id));
    }

    @When("the other account {word} the OTP")
    public void theOtherAccountActsOnTheOtp(String action) {
        String id = world.get(OtpWorld.THE_OTP).id();
        world.askedFor(id);
        state.received(act(accounts.second(), action, id));
    }

    private static Response act(ApiClient client, String action, String id) {
        return switch (action) {
            case "reads" -> client.api().get(ITEM_PATH, id);
            case "validates" -> client.api().contentType(ContentType.JSON).body(Map.of("otpCode", WRONG_CODE))
                    .post(VALIDATE_PATH, id);
            case "deletes" -> client.api().delete(ITEM_PATH, id);
            default -> throw new IllegalArgumentException("reads, validates or deletes, not " + action);
        };
    }

    @Then("the OTP is not found, naming its id")
    public void theOtpIsNotFound() {
        assertNotFound(world.lastId(), state.lastResponse());
    }
}
