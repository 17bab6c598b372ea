package io.twofakit.conformance.steps;

import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.Contract;
import io.twofakit.conformance.RawRequest;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.coverage.ContractOperation;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every operation makes before it looks at a resource: the API key, the media type and size of
 * the body, the size of the headers, the media types the client accepts, the form of the address and of the ids
 * in its path, text a database cannot store, and the methods an address offers. Operations are named by their
 * summary in the contract.
 */
public class ContractGuardSteps {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Larger than any server should take for these small documents: 2 MiB. */
    private static final int OVERSIZED_BYTES = 2 * 1024 * 1024;
    /** Text a database cannot store as it is: the character U+0000, between two letters. */
    private static final String WITH_NUL = "a\u0000b";

    private final ScenarioState state;

    public ContractGuardSteps(ScenarioState state) {
        this.state = state;
    }

    @When("it calls {string}")
    public void itCalls(String operationName) {
        ContractOperation operation = operation(operationName);
        RequestSpecification request = state.client().api();
        if (hasBody(operation)) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        state.received(send(request, operation, null));
    }

    @When("it calls {string} with a body that is not JSON")
    public void itCallsWithABodyThatIsNotJson(String operationName) {
        ContractOperation operation = operation(operationName);
        RequestSpecification request = deliberatelyInvalid().api()
                .contentType(ContentType.TEXT)
                .body("profileName=tyntec_profile_register");
        state.received(send(request, operation, null));
    }

    @When("it calls {string} with a body of 2 MiB")
    public void itCallsWithAnOversizedBody(String operationName) {
        ContractOperation operation = operation(operationName);
        String padding = "x".repeat(OVERSIZED_BYTES);
        RequestSpecification request = deliberatelyInvalid().api()
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + padding + "\"}");
        state.received(send(request, operation, null));
    }

    @When("it calls {string} with the id {string}")
    public void itCallsWithTheId(String operationName, String id) {
        ContractOperation operation = operation(operationName);
        RequestSpecification request = deliberatelyInvalid().api();
        if (hasBody(operation)) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        state.received(send(request, operation, id));
    }

    @When("it calls {string} with a header of {int} KiB")
    public void itCallsWithAHeaderOf(String operationName, int kibibytes) {
        ContractOperation operation = operation(operationName);
        RequestSpecification request = deliberatelyInvalid().api().header("X-Padding", "a".repeat(kibibytes * 1024));
        if (hasBody(operation)) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        state.received(send(request, operation, null));
    }

    @When("it calls {string} accepting only HTML")
    public void itCallsAcceptingOnlyHtml(String operationName) {
        ContractOperation operation = operation(operationName);
        RequestSpecification request = deliberatelyInvalid().api().accept(ContentType.HTML);
        if (hasBody(operation)) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        state.received(send(request, operation, null));
    }

    /** HTTP clients refuse to send a malformed escape, so this request is written to a socket as it is. */
    @When("it calls {string} with the broken escape sequence {string} in the query parameter {string}")
    public void itCallsWithABrokenEscapeSequence(String operationName, String escape, String parameter) {
        ContractOperation operation = operation(operationName);
        RawRequest request = new RawRequest(state.config().baseUrl(), Contract.TYNTEC, operation.method(),
                filledPath(operation, null) + "?" + parameter + "=" + escape)
                .header("Accept", "application/json");
        state.client().apiKey().ifPresent(key -> request.header("apiKey", key));
        if (hasBody(operation)) {
            request.jsonBody("{}");
        }
        state.received(request.send());
    }

    @When("it calls {string} with the character U+0000 in the query parameter {string}")
    public void itCallsWithNulInTheQueryParameter(String operationName, String parameter) {
        ContractOperation operation = operation(operationName);
        state.received(send(deliberatelyInvalid().api().queryParam(parameter, WITH_NUL), operation, null));
    }

    @When("it calls {string} with the character U+0000 in the field {string}")
    public void itCallsWithNulInTheField(String operationName, String field) {
        ContractOperation operation = operation(operationName);
        RequestSpecification request = deliberatelyInvalid().api().contentType(ContentType.JSON)
                .body("{\"" + field + "\":\"a\\u0000b\"}");
        state.received(send(request, operation, null));
    }

    @When("it calls the address of {string} with the method {string}")
    public void itCallsTheAddressWithTheMethod(String operationName, String method) {
        ContractOperation operation = operation(operationName);
        RawRequest request = new RawRequest(state.config().baseUrl(), Contract.TYNTEC, method, filledPath(operation, null))
                .header("Accept", "application/json");
        state.client().apiKey().ifPresent(key -> request.header("apiKey", key));
        state.received(request.send());
    }

    @Then("the request is refused as having headers too large")
    public void theRequestIsRefusedAsHavingHeadersTooLarge() {
        assertProblem(431);
    }

    @Then("the request is refused as not acceptable")
    public void theRequestIsRefusedAsNotAcceptable() {
        assertProblem(406);
    }

    @Then("the request is refused as a method not allowed there, naming {string} as allowed")
    public void theRequestIsRefusedAsAMethodNotAllowed(String allowed) {
        assertProblem(405);
        Response response = state.lastResponse();
        List<String> expected = List.of(allowed.split(",\\s*"));
        List<String> named = response.header("Allow") == null ? List.of()
                : List.of(response.header("Allow").split(",\\s*"));
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(named),
                () -> "Allow should name the methods of the address: " + ResponseChecks.describe(response));
    }

    @Then("the request is refused with a violation of the query parameter {string}")
    public void theRequestIsRefusedWithAViolationOfTheQueryParameter(String parameter) {
        assertViolationOf(parameter);
    }

    @Then("the request is refused with a violation of the field {string}")
    public void theRequestIsRefusedWithAViolationOfTheField(String field) {
        assertViolationOf(field);
    }

    @Then("the request is refused as an unsupported media type")
    public void theRequestIsRefusedAsAnUnsupportedMediaType() {
        assertProblem(415);
    }

    @Then("the request is refused as too large")
    public void theRequestIsRefusedAsTooLarge() {
        assertProblem(413);
    }

    @Then("the request is refused with a violation of the path parameter {string}")
    public void theRequestIsRefusedWithAViolationOfThePathParameter(String parameter) {
        assertViolationOf(parameter);
    }

    private void assertViolationOf(String parameter) {
        Response response = state.lastResponse();
        assertEquals(400, response.statusCode(), () -> "expected 400, got " + ResponseChecks.describe(response));
        List<String> fields = response.jsonPath().getList("violations.field", String.class);
        assertTrue(fields != null && fields.contains(parameter),
                () -> "expected a violation of \"" + parameter + "\": " + ResponseChecks.describe(response));
    }

    private void assertProblem(int status) {
        Response response = state.lastResponse();
        assertEquals(status, response.statusCode(), () -> "expected " + status + ", got " + ResponseChecks.describe(response));
        assertTrue(response.contentType().startsWith("application/json"),
                () -> "a " + status + " should be JSON: " + ResponseChecks.describe(response));
        assertNumberAt(status, "status", response, () -> ResponseChecks.describe(response));
    }

    private ApiClient deliberatelyInvalid() {
        String key = state.client().apiKey().orElse(state.config().apiKey());
        return new ApiClient(state.config().baseUrl(), key, ApiClient.Requests.DELIBERATELY_INVALID);
    }

    private static ContractOperation operation(String name) {
        return Contract.TYNTEC.operations().named(name);
    }

    private static boolean hasBody(ContractOperation operation) {
        return operation.method().equals("POST") || operation.method().equals("PATCH");
    }

    /** Sends the request with every path parameter filled: with {@code id} when given, else a fresh UUID. */
    private static Response send(RequestSpecification request, ContractOperation operation, String id) {
        return request.request(operation.method(), filledPath(operation, id));
    }

    /** The operation's path with every parameter filled: with {@code id} when given, else a fresh UUID. */
    private static String filledPath(ContractOperation operation, String id) {
        Matcher parameters = PATH_PARAMETER.matcher(operation.pathTemplate());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String value = id != null ? id : parameters.group(1).equals("template-name")
                    ? "absent_template_" + UUID.randomUUID().toString().substring(0, 8)
                    : UUID.randomUUID().toString();
            parameters.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(path);
        return path.toString();
    }
}
