package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResourceResponses.createdId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.AfterAll;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.CallbackWorld;
import io.twofakit.conformance.OtpWorld;
import io.twofakit.conformance.OtpWorld.SentOtp;
import io.twofakit.conformance.ProfileWorld;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import io.twofakit.conformance.WebhookReceiver;
import io.twofakit.conformance.WebhookReceiver.Event;
import io.twofakit.conformance.WebhookWorld;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Webhooks ({@code @webhook} scenarios): callback configurations whose URL is a path of the suite's own
 * receiver, and the delivery events the server posts there. Every event that arrives is checked against the
 * contract's callback schema; the steps check order, headers and event ids. Retries may post an event more
 * than once: it keeps its event id, and the steps count it once where they list events.
 */
public class WebhookSteps {

    /** How long posting the events may take before a step gives up waiting for them. */
    static final Duration POSTING = Duration.ofSeconds(30);
    static final String EVENT_ID_HEADER = "X-Twofa-Event-Id";
    /** The simulator's list of an account's webhook deliveries. */
    static final String DELIVERIES_PATH = "/simulator/webhooks";

    private final ScenarioState state;
    private final WebhookWorld world;
    private final CallbackWorld callbacks;
    private final ProfileWorld profiles;
    private final OtpWorld otps;
    private final ScenarioAccounts accounts;

    public WebhookSteps(ScenarioState state, WebhookWorld world, CallbackWorld callbacks, ProfileWorld profiles,
                        OtpWorld otps, ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.callbacks = callbacks;
        this.profiles = profiles;
        this.otps = otps;
        this.accounts = accounts;
    }

    @AfterAll
    public static void stopTheReceiver() {
        WebhookReceiver.stopShared();
    }

    // ---- receivers ----

    @Given("a webhook receiver {string} for {scope}")
    public void aWebhookReceiver(String base, Optional<String> scope) {
        register(base, scope, Map.of());
    }

    @Given("a webhook receiver {string} for {scope} with the headers:")
    public void aWebhookReceiverWithHeaders(String base, Optional<String> scope, DataTable headers) {
        register(base, scope, headers.asMap());
    }

    @Given("the webhook receiver {string} answers the first request with the status {int}")
    public void theReceiverAnswersTheFirstRequestWith(String base, int status) {
        world.receiver().failNext(world.path(base), 1, status);
    }

    /** A callback configuration posting to the receiver {@code base}; deleted with the scenario's others. */
    private void register(String base, Optional<String> scope, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", world.url(base));
        body.put("headers", headers);
        scope.ifPresent(profile -> body.put("profileId", profiles.get(profile).id()));
        Response response = state.client().api().contentType(ContentType.JSON).body(body)
                .post(CallbackConfigurationSteps.PATH);
        state.received(response);
        callbacks.created(base, state.client(), createdId(response), world.url(base));
    }

    // ---- events ----

    /** The events of the OTP at the receiver {@code base}, in order of arrival, retries included. */
    private List<Event> eventsOf(String base, SentOtp otp) {
        return world.receiver().eventsAt(world.path(base)).stream()
                .filter(e -> otp.id().equals(e.field("otpId")))
                .toList();
    }

    /** The events acknowledged (2xx), each once: what the receiver's application saw. */
    private List<Event> acknowledged(String base, SentOtp otp) {
        Set<String> seen = new LinkedHashSet<>();
        List<Event> once = new ArrayList<>();
        for (Event event : eventsOf(base, otp)) {
            if (event.answered() / 100 == 2 && seen.add(event.header(EVENT_ID_HEADER))) {
                once.add(event);
            }
        }
        return once;
    }

    @Then("the webhook receiver {string} receives the events {string}")
    public void theReceiverReceivesTheEvents(String base, String expected) {
        SentOtp otp = otps.get(OtpWorld.THE_OTP);
        List<String> events = Arrays.stream(expected.split(",\\s*")).toList();
        await().atMost(POSTING.toSeconds(), TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> acknowledged(base, otp).size() >= events.size());
        List<Event> received = acknowledged(base, otp);
        assertEquals(events, received.stream().map(e -> e.field("channel") + " " + e.field("status")).toList(),
                () -> "events at " + base + ": " + received);
        String profileId = profiles.get(otp.profile()).id();
        OffsetDateTime previous = null;
        for (Event event : eventsOf(base, otp)) {
            assertEquals(List.of(), event.violations(), () -> "the event breaks the contract: " + event.body());
            assertEquals(profileId, event.field("profileId"), event::body);
            assertNotNull(event.header(EVENT_ID_HEADER), () -> "no " + EVENT_ID_HEADER + ": " + event.headers());
            UUID.fromString(event.header(EVENT_ID_HEADER));
            OffsetDateTime timestamp = OffsetDateTime.parse(event.field("timestamp"));
            if (previous != null) {
                assertFalse(timestamp.isBefore(previous), () -> "events out of time order: " + received);
            }
            previous = timestamp;
        }
    }

    @Then("every event at {string} carries the header {string} with {string}")
    public void everyEventCarriesTheHeader(String base, String header, String value) {
        List<Event> events = eventsOf(base, otps.get(OtpWorld.THE_OTP));
        assertFalse(events.isEmpty());
        for (Event event : events) {
            assertEquals(value, event.header(header), () -> "headers: " + event.headers());
        }
    }

    @Then("every event at {string} has an event id of its own")
    public void everyEventHasAnIdOfItsOwn(String base) {
        List<Event> events = acknowledged(base, otps.get(OtpWorld.THE_OTP));
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.header(EVENT_ID_HEADER)));
        assertEquals(events.size(), ids.size(), () -> "event ids: " + ids);
    }

    @Then("the {word} event at {string} carries an error with a code and a message")
    public void theEventCarriesAnError(String status, String base) {
        Event event = acknowledged(base, otps.get(OtpWorld.THE_OTP)).stream()
                .filter(e -> status.equals(e.field("status"))).findFirst().orElseThrow();
        assertNotNull(event.json().get("error"), event::body);
        assertFalse(event.json().get("error").path("code").asText().isBlank(), event::body);
        assertFalse(event.json().get("error").path("message").asText().isBlank(), event::body);
    }

    @Then("no event other than UNDELIVERABLE carries an error at {string}")
    public void noOtherEventCarriesAnError(String base) {
        for (Event event : acknowledged(base, otps.get(OtpWorld.THE_OTP))) {
            if (!"UNDELIVERABLE".equals(event.field("status"))) {
                assertTrue(event.json().get("error") == null, event::body);
            }
        }
    }

    @Then("the webhook receiver {string} receives no event of the OTP")
    public void theReceiverReceivesNoEvent(String base) {
        assertEquals(List.of(), eventsOf(base, otps.get(OtpWorld.THE_OTP)));
    }

    @Then("the first event at {string} was posted again after the status {int}, with the same event id")
    public void theFirstEventWasPostedAgain(String base, int status) {
        List<Event> events = eventsOf(base, otps.get(OtpWorld.THE_OTP));
        assertTrue(events.size() >= 2, () -> "events: " + events);
        assertEquals(status, events.get(0).answered());
        assertEquals(200, events.get(1).answered());
        assertEquals(events.get(0).header(EVENT_ID_HEADER), events.get(1).header(EVENT_ID_HEADER));
        assertEquals(events.get(0).body(), events.get(1).body());
    }

    // ---- the simulator's list of an account's deliveries ----

    @When("it lists its webhook deliveries")
    public void itListsItsWebhookDeliveries() {
        state.received(state.client().extension().get(DELIVERIES_PATH));
    }

    @Then("the simulator lists the deliveries of the OTP to {string} as {string}")
    public void theSimulatorListsTheDeliveries(String base, String expected) {
        SentOtp otp = otps.get(OtpWorld.THE_OTP);
        String callbackId = callbacks.get(base).id();
        List<String> deliveries = Arrays.stream(expected.split(",\\s*")).toList();
        await().atMost(POSTING.toSeconds(), TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveriesOf(otp.owner(), otp, callbackId).equals(deliveries));
    }

    @Then("the other account's simulator lists no delivery of the OTP")
    public void theOtherAccountsSimulatorListsNoDeliveryOfTheOtp() {
        SentOtp otp = otps.get(OtpWorld.THE_OTP);
        assertEquals(List.of(), deliveriesOf(accounts.second(), otp, null));
    }

    /**
     * The deliveries of the OTP (to the callback {@code callbackId}, or to any when null) that the simulator lists
     * for the client's account, oldest first, each as "CHANNEL EVENT state", e.g. "SMS DISPATCHED delivered".
     */
    private static List<String> deliveriesOf(ApiClient client, SentOtp otp, String callbackId) {
        Response response = client.extension().get(DELIVERIES_PATH);
        assertEquals(200, response.statusCode(), response::asString);
        List<Map<String, Object>> newestFirst = response.jsonPath().getList("");
        List<String> oldestFirst = new ArrayList<>();
        for (Map<String, Object> delivery : newestFirst) {
            if (otp.id().equals(delivery.get("otpId"))
                    && (callbackId == null || callbackId.equals(delivery.get("callbackId")))) {
                oldestFirst.add(0, delivery.get("channel") + " " + delivery.get("eventStatus") + " "
                        + String.valueOf(delivery.get("state")).toLowerCase(Locale.ROOT));
            }
        }
        return oldestFirst;
    }
}
