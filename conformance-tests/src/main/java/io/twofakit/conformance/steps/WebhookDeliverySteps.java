package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import io.twofakit.conformance.CallbackWorld;
import io.twofakit.conformance.OtpWorld;
import io.twofakit.conformance.OtpWorld.SentOtp;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.WebhookReceiver.Event;
import io.twofakit.conformance.WebhookWorld;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account's own view of its webhook deliveries (twofa-kit's extension {@code /webhooks/...}): what was posted
 * where, what failed, and putting failed deliveries back in line.
 */
public class WebhookDeliverySteps {

    static final String DELIVERIES = "/webhooks/deliveries";

    private final ScenarioState state;
    private final CallbackWorld callbacks;
    private final OtpWorld otps;
    private final WebhookWorld webhooks;

    public WebhookDeliverySteps(ScenarioState state, CallbackWorld callbacks, OtpWorld otps, WebhookWorld webhooks) {
        this.state = state;
        this.callbacks = callbacks;
        this.otps = otps;
        this.webhooks = webhooks;
    }

    @Then("the account's webhook deliveries of the OTP to {string} are {string}, to the configuration's URL")
    public void theAccountsWebhookDeliveriesOfTheOtpAre(String base, String expected) {
        List<String> wanted = Arrays.stream(expected.split(",\\s*")).toList();
        String callbackId = callbacks.get(base).id();
        await().atMost(WebhookSteps.POSTING).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveriesOf(otps.get(OtpWorld.THE_OTP), callbackId).equals(wanted));
        Response configurations = state.client().api().get(CallbackConfigurationSteps.PATH);
        assertStatus(200, configurations);
        String url = configurations.jsonPath().getString("find { it.id == '" + callbackId + "' }.url");
        Response listed = state.client().extension().queryParam("callbackId", callbackId).get(DELIVERIES);
        state.received(listed);
        assertStatus(200, listed);
        for (Map<String, Object> delivery : listed.jsonPath().<Map<String, Object>>getList("")) {
            assertEquals(url, delivery.get("callbackUrl"), () -> describe(listed));
        }
    }

    /** Each delivery's {@code eventTime} is the {@code timestamp} of the event it posted: the account's clock. */
    @Then("each of those deliveries carries the time of its event, as posted to {string}")
    public void eachDeliveryCarriesTheTimeOfItsEvent(String base) {
        Map<String, String> postedTimes = new HashMap<>();
        for (Event event : webhooks.receiver().eventsAt(webhooks.path(base))) {
            postedTimes.put(event.header(WebhookSteps.EVENT_ID_HEADER), event.field("timestamp"));
        }
        Response listed = state.lastResponse();
        List<Map<String, Object>> deliveries = listed.jsonPath().getList("");
        assertFalse(deliveries.isEmpty(), () -> describe(listed));
        for (Map<String, Object> delivery : deliveries) {
            String posted = postedTimes.get((String) delivery.get("eventId"));
            assertNotNull(posted, () -> "no event " + delivery.get("eventId") + " was posted to " + base);
            assertEquals(OffsetDateTime.parse(posted).toInstant(),
                    OffsetDateTime.parse((String) delivery.get("eventTime")).toInstant(), () -> describe(listed));
        }
    }

    @When("the account asks for the OTP's first webhook delivery to be delivered again")
    public void theAccountAsksForTheFirstDeliveryToBeDeliveredAgain() {
        SentOtp otp = otps.get(OtpWorld.THE_OTP);
        Response listed = state.client().extension().get(DELIVERIES);
        assertStatus(200, listed);
        List<Map<String, Object>> newestFirst = listed.jsonPath().getList("");
        String first = newestFirst.stream().filter(d -> otp.id().equals(d.get("otpId")))
                .reduce((newer, older) -> older).map(d -> (String) d.get("id")).orElseThrow();
        state.received(state.client().extension().post(DELIVERIES + "/" + first + "/redeliver"));
    }

    @When("the account asks for a webhook delivery it does not have to be delivered again")
    public void theAccountAsksForAnUnknownDelivery() {
        state.received(state.client().extension().post(DELIVERIES + "/" + UUID.randomUUID() + "/redeliver"));
    }

    @When("the account asks for the failed webhook deliveries of a callback configuration it does not have")
    public void theAccountAsksForTheFailedDeliveriesOfAnUnknownCallback() {
        state.received(state.client().extension()
                .post("/webhooks/callbacks/" + UUID.randomUUID() + "/redeliver-failed"));
    }

    @When("the account asks for the failed webhook deliveries of {string} to be delivered again")
    public void theAccountAsksForTheFailedDeliveriesOf(String base) {
        state.received(state.client().extension()
                .post("/webhooks/callbacks/" + callbacks.get(base).id() + "/redeliver-failed"));
    }

    @Then("{int} webhook deliveries are put back in line")
    public void deliveriesArePutBackInLine(int count) {
        Response response = state.lastResponse();
        assertStatus(202, response);
        assertNumberAt(count, "redelivered", response, () -> describe(response));
    }

    @Then("the redelivery is refused: only a failed delivery can be delivered again")
    public void theRedeliveryIsRefusedAsAConflict() {
        assertStatus(409, state.lastResponse());
    }

    @Then("the redelivery is refused: there is no such delivery")
    public void theRedeliveryIsRefusedAsNotFound() {
        assertStatus(404, state.lastResponse());
    }

    /** The OTP's deliveries to the callback, oldest first, each as "CHANNEL EVENT STATE". */
    private List<String> deliveriesOf(SentOtp otp, String callbackId) {
        Response response = state.client().extension().queryParam("callbackId", callbackId).get(DELIVERIES);
        assertStatus(200, response);
        List<String> oldestFirst = new ArrayList<>();
        for (Map<String, Object> delivery : response.jsonPath().<Map<String, Object>>getList("")) {
            if (otp.id().equals(delivery.get("otpId"))) {
                oldestFirst.add(0, delivery.get("channel") + " " + delivery.get("eventStatus") + " " + delivery.get("state"));
            }
        }
        return oldestFirst;
    }
}
