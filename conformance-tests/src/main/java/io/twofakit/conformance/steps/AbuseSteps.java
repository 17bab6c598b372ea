package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.AbuseWorld;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.OtpWorld;
import io.twofakit.conformance.OtpWorld.SentOtp;
import io.twofakit.conformance.ProfileWorld;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an attacker tries against an OTP service, and what the server must answer: guessing codes, racing
 * validations, replaying a verified code, probing another account's ids, and sending to one number again and
 * again (SMS pumping). Every exchange is validated against the contract like every other.
 */
public class AbuseSteps {

    private static final String RETRY_AFTER = "Retry-After";

    private final ScenarioState state;
    private final AbuseWorld world;
    private final OtpWorld otps;
    private final ProfileWorld profiles;
    private final ScenarioAccounts accounts;

    public AbuseSteps(ScenarioState state, AbuseWorld world, OtpWorld otps, ProfileWorld profiles,
                      ScenarioAccounts accounts) {
        this.state = state;
        this.world = world;
        this.otps = otps;
        this.profiles = profiles;
        this.accounts = accounts;
    }

    // ---- guessing and racing codes ----

    @When("{int} wrong codes are guessed one after the other")
    public void wrongCodesAreGuessed(int guesses) {
        String id = otps.get(OtpWorld.THE_OTP).id();
        for (int i = 1; i <= guesses; i++) {
            Response response = validate(state.client(), id, String.format("guess-%04d", i));
            assertStatus(200, response);
            world.validated(response.jsonPath().getString("otpStatus"));
        }
    }

    @Then("the first {int} guesses answer WRONG_CODE and every later one TOO_MANY_ATTEMPTS")
    public void theFirstGuessesAnswerWrongCode(int wrong) {
        List<String> outcomes = world.outcomes();
        List<String> expected = new ArrayList<>(Collections.nCopies(wrong, "WRONG_CODE"));
        expected.addAll(Collections.nCopies(outcomes.size() - wrong, "TOO_MANY_ATTEMPTS"));
        assertEquals(expected, outcomes);
    }

    @When("the code {string} is validated {int} times at once")
    public void theCodeIsValidatedAtOnce(String code, int times) {
        String id = otps.get(OtpWorld.THE_OTP).id();
        ApiClient client = state.client();
        List<Callable<Response>> validations = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            validations.add(() -> validate(client, id, code));
        }
        for (Response response : atOnce(validations)) {
            assertStatus(200, response);
            world.validated(response.jsonPath().getString("otpStatus"));
        }
    }

    @Then("exactly one validation answers VERIFIED and every other ALREADY_REPORTED")
    public void exactlyOneValidationVerifies() {
        List<String> outcomes = world.outcomes();
        assertEquals(1, outcomes.stream().filter("VERIFIED"::equals).count(), outcomes::toString);
        assertEquals(outcomes.size() - 1, outcomes.stream().filter("ALREADY_REPORTED"::equals).count(),
                outcomes::toString);
    }

    @When("the code {string} is validated {int} more times")
    public void theCodeIsValidatedMoreTimes(String code, int times) {
        String id = otps.get(OtpWorld.THE_OTP).id();
        for (int i = 0; i < times; i++) {
            Response response = validate(state.client(), id, code);
            assertStatus(200, response);
            world.validated(response.jsonPath().getString("otpStatus"));
        }
    }

    @Then("every one of them answers {word}")
    public void everyOneAnswers(String outcome) {
        List<String> outcomes = world.outcomes();
        assertFalse(outcomes.isEmpty(), "no validation was made");
        assertEquals(Collections.nCopies(outcomes.size(), outcome), outcomes);
    }

    private static Response validate(ApiClient client, String id, String code) {
        return client.api().contentType(ContentType.JSON).body(Map.of("otpCode", code))
                .post(OtpSteps.VALIDATE_PATH, id);
    }

    /** Runs the requests on threads of their own, released together; answers the responses in the same order. */
    private static List<Response> atOnce(List<Callable<Response>> requests) {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException("a request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a request was not answered within 60 s", e);
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- another account's ids ----

    @When("the other account {word} the OTP, and an OTP that does not exist")
    public void theOtherAccountActsOnTheOtpAndAMissingOne(String action) {
        ApiClient other = accounts.second();
        String id = otps.get(OtpWorld.THE_OTP).id();
        String missing = UUID.randomUUID().toString();
        world.answered(act(other, action, id));
        world.answered(act(other, action, missing));
        otps.askedFor(id);
    }

    @Then("both answers are the same but for the id")
    public void bothAnswersAreTheSameButForTheId() {
        List<Response> answers = world.comparedAnswers();
        Response theirs = answers.get(0);
        Response missing = answers.get(1);
        assertEquals(missing.statusCode(), theirs.statusCode(), () -> describe(theirs) + " vs " + describe(missing));
        assertEquals(missing.contentType(), theirs.contentType());
        String theirId = otps.get(OtpWorld.THE_OTP).id();
        String missingId = missing.jsonPath().getString("resourceId");
        assertNotNull(missingId, () -> "the answer about a missing OTP names no id: " + describe(missing));
        assertEquals(missing.asString().replace(missingId, "{id}"), theirs.asString().replace(theirId, "{id}"));
    }

    private static Response act(ApiClient client, String action, String id) {
        return switch (action) {
            case "reads" -> client.api().get(OtpSteps.ITEM_PATH, id);
            case "validates" -> validate(client, id, OtpSteps.WRONG_CODE);
            case "deletes" -> client.api().delete(OtpSteps.ITEM_PATH, id);
            default -> throw new IllegalArgumentException("reads, validates or deletes, not " + action);
        };
    }

    // ---- sending to one number again and again ----

    @When("OTPs are sent to {string} with the profile {string} until the server refuses one, at most {int}")
    public void otpsAreSentUntilTheServerRefusesOne(String to, String profile, int most) {
        String number = otps.numberFor(to);
        world.sendingTo(number);
        ApiClient client = state.client();
        for (int i = 0; i < most; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", number);
            body.put("profileName", profiles.get(profile).name());
            Response response = client.api().contentType(ContentType.JSON).body(body).post(OtpSteps.PATH);
            state.received(response);
            if (response.statusCode() == 202) {
                world.sendAccepted();
                otps.sent(new SentOtp("sent " + i, response.jsonPath().getString("id"), number, profile, client));
            } else if (response.statusCode() == 429) {
                world.sendRefused(response);
                return;
            } else {
                fail("a send answered neither 202 nor 429: " + describe(response));
            }
        }
        fail("the server accepted " + most + " OTPs to " + number + " in a row and refused none");
    }

    @Then("the server refused the send as too many requests, saying when to retry")
    public void theServerRefusedTheSend() {
        Response refused = world.refusedSend();
        assertStatus(429, refused);
        assertNumberAt(429, "status", refused, () -> describe(refused));
        assertFalse(refused.jsonPath().getString("title").isBlank(), () -> describe(refused));
        assertFalse(refused.jsonPath().getString("detail").isBlank(), () -> describe(refused));
        assertTrue(retryAfterSeconds(refused) >= 1, () -> describe(refused));
        assertTrue(world.acceptedSends() >= 1, "the very first OTP to the number was refused");
    }

    @Then("the refused send stored no OTP")
    public void theRefusedSendStoredNoOtp() {
        String number = world.number();
        Response listed = state.client().api().queryParam("to", number).get(OtpSteps.PATH);
        state.received(listed);
        assertStatus(200, listed);
        assertEquals(world.acceptedSends(), listed.jsonPath().getList("otpId").size(), () -> describe(listed));
    }

    @When("the server's clock moves forward by the time the server asked to wait")
    public void theServersClockMovesForwardByTheWait() {
        long seconds = retryAfterSeconds(world.refusedSend());
        Response moved = state.client().extension().contentType(ContentType.JSON)
                .body(Map.of("advanceSeconds", seconds)).post(ClockSteps.CLOCK_PATH);
        assertStatus(200, moved);
    }

    private static long retryAfterSeconds(Response refused) {
        String header = refused.header(RETRY_AFTER);
        assertNotNull(header, () -> "no " + RETRY_AFTER + " header: " + describe(refused));
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new AssertionError(RETRY_AFTER + " is not a number of seconds: " + header, e);
        }
    }
}
