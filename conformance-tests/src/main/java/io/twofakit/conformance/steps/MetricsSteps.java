package io.twofakit.conformance.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import io.twofakit.conformance.MetricsWorld;
import io.twofakit.conformance.ScenarioState;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** twofa-kit's metrics for Prometheus (an extension, not part of tyntec's API). */
public class MetricsSteps {

    private final ScenarioState state;
    private final MetricsWorld metrics;

    public MetricsSteps(ScenarioState state, MetricsWorld metrics) {
        this.state = state;
        this.metrics = metrics;
    }

    @When("it reads the server's metrics")
    public void itReadsTheServersMetrics() {
        state.received(state.client().extension().get("/metrics"));
    }

    @Then("the server answers its metrics in Prometheus's text format")
    public void theServerAnswersItsMetricsInPrometheussTextFormat() {
        Response response = state.lastResponse();
        assertEquals(200, response.statusCode(), () -> ResponseChecks.describe(response));
        assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
        assertTrue(response.asString().contains("# TYPE twofa_"), "the server's own metrics are there");
    }

    @Then("the metrics include the latency of the requests answered, by route and never by id")
    public void theMetricsIncludeTheLatencyOfTheRequestsAnsweredByRoute() {
        String text = state.lastResponse().asString();
        assertTrue(text.contains("http_server_requests_seconds_bucket{"), "a latency histogram");
        assertTrue(Pattern.compile("uri=\"/[^\"]*\"").matcher(text).find(), "labelled by route");
        assertFalse(Pattern.compile("uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-").matcher(text).find(),
                "a route template ({otp-id}), never an id");
    }

    @Given("the server's count of {word} validations is noted")
    public void theServersCountOfValidationsIsNoted(String result) {
        metrics.noted(validations(result));
    }

    @Then("the server's count of {word} validations has grown")
    public void theServersCountOfValidationsHasGrown(String result) {
        double now = validations(result);
        assertTrue(now >= metrics.noted() + 1, "counted " + metrics.noted() + " before, " + now + " now");
    }

    /** The count of validations with {@code result} in the metrics; 0 before the first. */
    private double validations(String result) {
        Response response = state.client().extension().get("/metrics");
        assertEquals(200, response.statusCode(), () -> ResponseChecks.describe(response));
        Matcher count = Pattern.compile("^twofa_otp_validations_total\\{result=\"" + Pattern.quote(result)
                + "\"} (\\S+)$", Pattern.MULTILINE).matcher(response.asString());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
