package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.OtpWorld;
import io.twofakit.conformance.OtpWorld.SentOtp;
import io.twofakit.conformance.ScenarioAccounts;
import io.twofakit.conformance.ScenarioState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What the recipient's phone shows: the simulator's handset ({@code @simulator} scenarios). The simulated channels
 * record every attempt, delivered or not, with the rendered text, for the account that sent the OTP; an account
 * sees only its own. The steps look only at the attempts of the scenario's OTP, so the handset may hold anything
 * else.
 */
public class HandsetSteps {

    static final String MESSAGES_PATH = "/simulator/messages";
    /** How long delivery may take before a step gives up waiting for it. */
    static final Duration DELIVERY = Duration.ofSeconds(15);

    private final ScenarioState state;
    private final OtpWorld otps;
    private final ScenarioAccounts accounts;

    public HandsetSteps(ScenarioState state, OtpWorld otps, ScenarioAccounts accounts) {
        this.state = state;
        this.otps = otps;
        this.accounts = accounts;
    }

    /** One attempt as the handset recorded it. */
    record Attempt(String channel, String sender, String text, String outcome) {
    }

    /** The attempts of the scenario's OTP {@code name}, in order. */
    private List<Attempt> attemptsOf(String name) {
        SentOtp otp = otps.get(name);
        Response response = state.client().extension().queryParam("to", otp.to()).get(MESSAGES_PATH);
        assertStatus(200, response);
        List<Map<String, Object>> messages = response.jsonPath().getList("");
        return messages.stream()
                .filter(m -> otp.id().equals(m.get("otpId")))
                .map(m -> new Attempt((String) m.get("channel"), (String) m.get("sender"), (String) m.get("text"),
                        (String) m.get("outcome")))
                .toList();
    }

    /** Waits until the OTP's message was delivered on some channel and answers that attempt. */
    private Attempt delivered(String name) {
        await().atMost(DELIVERY.toSeconds(), TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> attemptsOf(name).stream().anyMatch(a -> a.outcome().equals("DELIVERED")));
        return attemptsOf(name).stream().filter(a -> a.outcome().equals("DELIVERED")).findFirst().orElseThrow();
    }

    @Then("the recipient receives the code {string}")
    public void theRecipientReceivesTheCode(String code) {
        Attempt attempt = delivered(OtpWorld.THE_OTP);
        assertTrue(Arrays.asList(attempt.text().split("[^A-Za-z0-9]+")).contains(code), attempt::toString);
        otps.codeReceived(OtpWorld.THE_OTP, code);
    }

    @Then("the recipient receives a code of {int} digits")
    public void theRecipientReceivesACodeOfDigits(int length) {
        receivesACode(Pattern.compile("[0-9]{" + length + "}"));
    }

    @Then("the recipient receives a code of {int} lowercase letters and digits")
    public void theRecipientReceivesAnAlphanumericCode(int length) {
        receivesACode(Pattern.compile("[a-z0-9]{" + length + "}"));
    }

    /** Finds the one word of the delivered text that can be the code, and remembers it. */
    private void receivesACode(Pattern code) {
        Attempt attempt = delivered(OtpWorld.THE_OTP);
        List<String> candidates = Arrays.stream(attempt.text().split("[^A-Za-z0-9]+"))
                .filter(word -> code.matcher(word).matches())
                .toList();
        assertEquals(1, candidates.size(), () -> "expected one code like " + code + " in " + attempt);
        otps.codeReceived(OtpWorld.THE_OTP, candidates.get(0));
    }

    @Then("the recipient receives {string} on {word}")
    public void theRecipientReceivesOn(String text, String channel) {
        Attempt attempt = delivered(OtpWorld.THE_OTP);
        assertEquals(channel.toUpperCase(Locale.ROOT), attempt.channel(), attempt::toString);
        assertEquals(text, attempt.text(), attempt::toString);
    }

    @Then("the recipient's handset shows the attempts {string}")
    public void theHandsetShowsTheAttempts(String expected) {
        List<String> attempts = Arrays.stream(expected.split(",\\s*")).toList();
        await().atMost(DELIVERY.toSeconds(), TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> attemptsOf(OtpWorld.THE_OTP).size() >= attempts.size());
        assertEquals(attempts, attemptsOf(OtpWorld.THE_OTP).stream()
                .map(a -> a.channel() + " " + a.outcome()).toList());
    }

    @Then("the message on {word} comes from {string}")
    public void theMessageOnComesFrom(String channel, String sender) {
        await().atMost(DELIVERY.toSeconds(), TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> attemptsOf(OtpWorld.THE_OTP).stream().anyMatch(a -> a.channel().equals(channel)));
        Attempt attempt = attemptsOf(OtpWorld.THE_OTP).stream().filter(a -> a.channel().equals(channel))
                .findFirst().orElseThrow();
        assertEquals(sender, attempt.sender(), attempt::toString);
    }

    @When("it lists the handset's messages")
    public void itListsTheHandsetsMessages() {
        state.received(state.client().extension().get(MESSAGES_PATH));
    }

    @Then("the other account's handset shows no message of the OTP")
    public void theOtherAccountsHandsetShowsNoMessageOfTheOtp() {
        SentOtp otp = otps.get(OtpWorld.THE_OTP);
        ApiClient other = accounts.second();
        for (Response messages : List.of(other.extension().get(MESSAGES_PATH),
                other.extension().queryParam("to", otp.to()).get(MESSAGES_PATH))) {
            assertStatus(200, messages);
            List<String> otpIds = messages.jsonPath().getList("otpId", String.class);
            assertFalse(otpIds.contains(otp.id()),
                    () -> "another account sees the OTP's message: " + describe(messages));
        }
    }
}
