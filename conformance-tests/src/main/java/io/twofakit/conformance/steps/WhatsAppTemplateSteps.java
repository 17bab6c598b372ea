package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationNaming;
import static io.twofakit.conformance.steps.ResponseChecks.assertViolationsNamingExactly;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static io.twofakit.conformance.steps.TemplateResponses.assertTemplateConflict;
import static io.twofakit.conformance.steps.TemplateResponses.assertTemplateNotFound;
import static org.awaitility.Awaitility.await;
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
import io.restassured.specification.RequestSpecification;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.TemplateWorld;
import io.twofakit.conformance.TemplateWorld.SubmittedWhatsAppTemplate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * WhatsApp authentication templates: submitted for review, found by name and language, deleted. WhatsApp
 * writes their text itself. A scenario names a template by its base name and language.
 */
public class WhatsAppTemplateSteps {

    static final String PATH = "/2fa/v4/templates/whatsapp";
    private static final String ITEM_PATH = PATH + "/{id}";
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
    private static final String ACCOUNT_ID_PLACEHOLDER = "<the configured WhatsApp account id>";

    private final ScenarioState state;
    private final TemplateWorld world;
    private final ScenarioAccounts accounts;
    private Map<String, Object> lastFound;

    public WhatsAppTemplateSteps(ScenarioState state, TemplateWorld world, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.accounts = accounts;
    }

    @After
    public void deleteTheWhatsAppTemplatesTheScenarioSubmitted() {
        for (SubmittedWhatsAppTemplate submitted : world.whatsAppTemplatesToDelete()) {
            Response found = submitted.owner().api().queryParam("name", submitted.name())
                    .queryParam("language", submitted.language()).get(PATH);
            if (found.statusCode() != 200) {
                continue; // already deleted by the scenario
            }
            for (String id : found.jsonPath().getList("templateId", String.class)) {
                Response deleted = submitted.owner().api().delete(ITEM_PATH, id);
                assertTrue(deleted.statusCode() == 204 || deleted.statusCode() == 404,
                        () -> "cleaning up WhatsApp template " + id + ": " + describe(deleted));
            }
        }
    }

    // ---- submitting ----

    @Given("a WhatsApp template {string} in {word}")
    public void aWhatsAppTemplate(String base, String language) {
        itSubmitsAWhatsAppTemplate(base, language);
        theSubmissionIsAccepted();
    }

    @When("it submits a WhatsApp template {string} in {word}")
    public void itSubmitsAWhatsAppTemplate(String base, String language) {
        submit(state.client(), template(base, language));
    }

    @When("it submits a WhatsApp template {string} in {word} without the security recommendation, valid for {int} minutes")
    public void itSubmitsWithoutTheSecurityRecommendation(String base, String language, int minutes) {
        Map<String, Object> body = template(base, language);
        body.put("addSecurityRecommendation", false);
        body.put("codeExpirationTime", minutes);
        submit(state.client(), body);
    }

    @When("it submits a ONE_TAP WhatsApp template {string} in {word} for the app {string} signed {string}")
    public void itSubmitsAOneTapTemplate(String base, String language, String packageName, String signatureHash) {
        Map<String, Object> body = template(base, language);
        body.put("otpType", "ONE_TAP");
        body.put("packageName", packageName);
        body.put("signatureHash", signatureHash);
        body.put("autofillButtonText", "Fill in the code");
        body.put("copyButtonText", "Copy the code");
        submit(state.client(), body);
    }

    @When("it submits a ONE_TAP WhatsApp template {string} in {word} without {string}")
    public void itSubmitsAOneTapTemplateWithout(String base, String language, String missingFields) {
        Map<String, Object> body = template(base, language);
        body.put("otpType", "ONE_TAP");
        body.put("packageName", "com.example.app");
        body.put("signatureHash", "K8a/AINcGX7");
        for (String field : fields(missingFields)) {
            body.remove(field);
        }
        submit(state.client(), body);
    }

    @When("it submits a WhatsApp template without a {word}")
    public void itSubmitsAWhatsAppTemplateWithout(String field) {
        Map<String, Object> body = template("incomplete", "en");
        body.remove(field);
        submit(accounts.deliberatelyInvalid(), body);
    }

    @When("it submits a WhatsApp template whose {word} is {string}")
    public void itSubmitsAWhatsAppTemplateWhoseFieldIs(String field, String value) {
        Map<String, Object> body = template("invalid", "en");
        body.put(field, value);
        submit(accounts.deliberatelyInvalid(), body);
    }

    @When("it submits a WhatsApp template whose {word} is {int}")
    public void itSubmitsAWhatsAppTemplateWhoseFieldIsNumber(String field, int value) {
        Map<String, Object> body = template("invalid", "en");
        body.put(field, value);
        submit(accounts.deliberatelyInvalid(), body);
    }

    @Then("the submission is accepted")
    public void theSubmissionIsAccepted() {
        assertStatus(201, state.lastResponse());
    }

    @Then("the submission is answered as already submitted")
    public void theSubmissionIsAnsweredAsAlreadySubmitted() {
        assertStatus(200, state.lastResponse());
    }

    @Then("it is refused as a conflict naming the WhatsApp template {string}")
    public void itIsRefusedAsAConflict(String base) {
        assertTemplateConflict(world.nameFor(base), state.lastResponse());
    }

    @Then("the WhatsApp template is refused as invalid, naming the field {string}")
    public void theWhatsAppTemplateIsRefusedNaming(String field) {
        assertViolationNaming(field, state.lastResponse());
    }

    @Then("the WhatsApp template is refused as invalid, naming exactly {string}")
    public void theWhatsAppTemplateIsRefusedNamingExactly(String fields) {
        assertViolationsNamingExactly(fields(fields), state.lastResponse());
    }

    @Then("it is forbidden for want of a WhatsApp configuration")
    public void itIsForbiddenForWantOfAConfiguration() {
        Response response = state.lastResponse();
        assertStatus(403, response);
        assertNumberAt(403, "status", response, () -> describe(response));
        assertTrue(List.of("Forbidden", "Missing WhatsApp Configuration").contains(response.jsonPath().getString("title")),
                () -> describe(response));
        assertEquals("Account is not allowed to use WhatsApp functionality", response.jsonPath().getString("detail"),
                () -> describe(response));
    }

    // ---- the review ----

    @Then("the WhatsApp template {string} in {word} is {word}")
    public void theWhatsAppTemplateIs(String base, String language, String status) {
        assertEquals(status, find(base, language).get("status"), () -> String.valueOf(lastFound));
    }

    @Then("the WhatsApp template {string} in {word} is {word} within {int} seconds")
    public void theWhatsAppTemplateIsWithin(String base, String language, String status, int seconds) {
        await().atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> status.equals(find(base, language).get("status")));
    }

    // ---- what a template reads ----

    @Then("the WhatsApp template {string} in {word} reads:")
    public void theWhatsAppTemplateReads(String base, String language, DataTable expected) {
        Map<String, Object> found = find(base, language);
        assertEquals(world.nameFor(base), found.get("name"));
        assertEquals(language, found.get("language"));
        assertFalse(String.valueOf(found.get("templateId")).isBlank(), () -> "no templateId: " + found);
        for (Map.Entry<String, String> field : expected.asMap().entrySet()) {
            String want = field.getValue().equals(ACCOUNT_ID_PLACEHOLDER)
                    ? world.whatsAppAccountId().toString() : field.getValue();
            assertEquals(want, String.valueOf(found.get(field.getKey())), () -> field.getKey() + " of " + found);
        }
    }

    @Then("its creation and update times are ISO-8601 without a time zone")
    public void itsTimesAreIsoWithoutZone() {
        for (String field : List.of("createdAt", "updatedAt")) {
            String value = String.valueOf(lastFound.get(field));
            assertTrue(LOCAL_DATE_TIME.matcher(value).matches(), () -> field + " is " + value);
        }
    }

    // ---- searching ----

    @When("it searches its WhatsApp templates")
    public void itSearchesItsWhatsAppTemplates() {
        state.received(state.client().api().get(PATH));
    }

    @When("it searches its WhatsApp templates named {string}")
    public void itSearchesNamed(String base) {
        state.received(state.client().api().queryParam("name", world.nameFor(base)).get(PATH));
    }

    @When("it searches its WhatsApp templates named {string} in {word}")
    public void itSearchesNamedIn(String base, String language) {
        state.received(state.client().api().queryParam("name", world.nameFor(base)).queryParam("language", language)
                .get(PATH));
    }

    @When("it searches its WhatsApp templates in {word}")
    public void itSearchesIn(String language) {
        state.received(state.client().api().queryParam("language", language).get(PATH));
    }

    @When("it searches its WhatsApp templates in the unknown language {string}")
    public void itSearchesInAnUnknownLanguage(String language) {
        state.received(accounts.deliberatelyInvalid().api().queryParam("language", language).get(PATH));
    }

    @Then("the search finds exactly these WhatsApp templates:")
    public void theSearchFindsExactly(DataTable expected) {
        assertEquals(keys(expected), foundKeys());
    }

    @Then("the search finds these WhatsApp templates among others:")
    public void theSearchFindsAmongOthers(DataTable expected) {
        List<String> found = foundKeys();
        assertTrue(found.containsAll(keys(expected)), () -> "found " + found);
    }

    @Then("the search finds none of these WhatsApp templates:")
    public void theSearchFindsNoneOf(DataTable unexpected) {
        List<String> found = foundKeys();
        for (String key : keys(unexpected)) {
            assertFalse(found.contains(key), () -> key + " found in " + found);
        }
    }

    @Then("a search of its WhatsApp templates named {string} finds none")
    public void aSearchNamedFindsNone(String base) {
        itSearchesNamed(base);
        noWhatsAppTemplateNamedIsFound(base);
    }

    @Then("no WhatsApp template named {string} is found")
    public void noWhatsAppTemplateNamedIsFound(String base) {
        Response response = state.lastResponse();
        assertStatus(404, response);
        assertEquals("No Template Found", response.jsonPath().getString("title"), () -> describe(response));
        assertTrue(response.jsonPath().getString("detail").contains(world.nameFor(base)), () -> describe(response));
    }

    // ---- deleting ----

    @When("it deletes the WhatsApp template {string} in {word}")
    public void itDeletesTheWhatsAppTemplate(String base, String language) {
        String id = String.valueOf(find(base, language).get("templateId"));
        world.askedFor(id);
        state.received(state.client().api().delete(ITEM_PATH, id));
    }

    @When("it deletes that WhatsApp template again")
    public void itDeletesThatWhatsAppTemplateAgain() {
        state.received(state.client().api().delete(ITEM_PATH, world.lastId()));
    }

    @When("it deletes a WhatsApp template that does not exist")
    public void itDeletesAWhatsAppTemplateThatDoesNotExist() {
        String unknown = UUID.randomUUID().toString();
        world.askedFor(unknown);
        state.received(state.client().api().delete(ITEM_PATH, unknown));
    }

    @When("it deletes the WhatsApp template with the id {string}")
    public void itDeletesTheWhatsAppTemplateWithTheId(String id) {
        state.received(accounts.deliberatelyInvalid().api().delete(ITEM_PATH, id));
    }

    @When("the other account deletes the WhatsApp template {string} in {word}")
    public void theOtherAccountDeletes(String base, String language) {
        String id = String.valueOf(find(base, language).get("templateId"));
        world.askedFor(id);
        state.received(accounts.second().api().delete(ITEM_PATH, id));
    }

    @Then("the WhatsApp template is deleted")
    public void theWhatsAppTemplateIsDeleted() {
        assertStatus(204, state.lastResponse());
    }

    @Then("the WhatsApp template is not found, naming its id")
    public void theWhatsAppTemplateIsNotFound() {
        assertTemplateNotFound(world.lastId(), state.lastResponse());
    }

    @Then("the other account is refused: it has no such template, or no WhatsApp configuration at all")
    public void theOtherAccountIsRefused() {
        Response response = state.lastResponse();
        if (response.statusCode() == 403) {
            itIsForbiddenForWantOfAConfiguration();
        } else {
            assertTemplateNotFound(world.lastId(), response);
        }
    }

    @Then("the WhatsApp template {string} in {word} is still there")
    public void theWhatsAppTemplateIsStillThere(String base, String language) {
        assertEquals(world.nameFor(base), find(base, language).get("name"));
    }

    // ---- the list of every channel ----

    @Then("the templates of every channel include the WhatsApp template {string} in {word} with its rendered message")
    public void theTemplatesOfEveryChannelIncludeTheWhatsAppTemplate(String base, String language) {
        Response overview = state.lastResponse();
        Map<String, Object> found = find(base, language);
        assertEquals(Map.of(
                        "id", found.get("templateId"),
                        "channel", "WHATSAPP",
                        "name", world.nameFor(base),
                        "language", language,
                        "message", found.get("message"),
                        "codeExpirationTime", found.get("codeExpirationTime")),
                TemplateOverviewSteps.listed(overview, String.valueOf(found.get("templateId"))));
    }

    @Then("the other account's templates of every channel do not include the WhatsApp template {string} in {word}")
    public void theOtherAccountsTemplatesDoNotInclude(String base, String language) {
        String id = String.valueOf(find(base, language).get("templateId"));
        Response response = accounts.second().api().get("/2fa/v4/templates");
        assertStatus(200, response);
        assertFalse(response.jsonPath().getList("id", String.class).contains(id), () -> describe(response));
    }

    // ----

    /** The account's one template of this name and language, as the search shows it; its owner is the first account. */
    private Map<String, Object> find(String base, String language) {
        Response response = accounts.first().api().queryParam("name", world.nameFor(base))
                .queryParam("language", language).get(PATH);
        assertStatus(200, response);
        List<Map<String, Object>> found = response.jsonPath().getList("");
        assertEquals(1, found.size(), () -> "one template " + base + " in " + language + ": " + describe(response));
        lastFound = found.get(0);
        return lastFound;
    }

    private void submit(ApiClient client, Map<String, Object> body) {
        RequestSpecification request = client.api().contentType(ContentType.JSON).body(body);
        Response response = request.post(PATH);
        state.received(response);
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            world.submitted(client, String.valueOf(body.get("name")), String.valueOf(body.get("language")));
        }
    }

    private Map<String, Object> template(String base, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", world.nameFor(base));
        body.put("language", language);
        return body;
    }

    private List<String> foundKeys() {
        Response response = state.lastResponse();
        assertStatus(200, response);
        List<Map<String, Object>> found = response.jsonPath().getList("");
        return found.stream().map(t -> t.get("name") + " in " + t.get("language")).toList();
    }

    private List<String> keys(DataTable templates) {
        return templates.asMaps().stream()
                .map(row -> world.nameFor(row.get("name")) + " in " + row.get("language"))
                .toList();
    }

    private static List<String> fields(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
