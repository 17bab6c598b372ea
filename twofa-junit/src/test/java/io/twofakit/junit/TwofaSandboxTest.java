package io.twofakit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One sandbox for the class: what a test gets from it. */
class TwofaSandboxTest {

    @RegisterExtension
    static TwofaSandbox sandbox = TwofaSandbox.create();

    private static TestApi api;

    @BeforeAll
    static void aProfileThatSendsSms() throws Exception {
        api = new TestApi(sandbox.baseUrl(), sandbox.apiKey());
        api.smsProfile("login", "Your login code: {{otp_code}}. It expires in {{expiration_time}} minutes.");
    }

    @Test
    void theServerAnswersOnALocalPortToBothAccountsAndToNoOtherKey() throws Exception {
        assertTrue(sandbox.baseUrl().startsWith("http://127.0.0.1:"), sandbox.baseUrl());
        assertNotEquals(sandbox.apiKey(), sandbox.secondApiKey());
        assertEquals(200, api.get("/2fa/v4/profiles").status());
        TestApi other = new TestApi(sandbox.baseUrl(), sandbox.secondApiKey());
        assertEquals(0, other.get("/2fa/v4/profiles").body().size(), "the second account sees none of the first's");
        assertEquals(401, new TestApi(sandbox.baseUrl(), "not-a-key-of-the-sandbox").get("/2fa/v4/profiles").status());
        assertTrue(sandbox.startUpTime().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void theHandsetShowsTheCodeTheServerSentAndItVerifiesTheOtp() throws Exception {
        String first = api.sendOtp("+4917612340001", "login");
        String firstCode = sandbox.handset().lastCodeFor("+4917612340001");
        String second = api.sendOtp("+4917612340001", "login");
        String secondCode = sandbox.handset().lastCodeFor("+4917612340001");

        assertTrue(secondCode.matches("\\d{6}"), secondCode);
        assertEquals("VERIFIED", api.validate(second, secondCode), "the newest OTP's code");
        assertEquals(firstCode, sandbox.handset().codeOf(first));
        List<Handset.Message> messages = sandbox.handset().messagesTo("+4917612340001");
        assertEquals(2, messages.size());
        assertEquals("Your login code: " + firstCode + ". It expires in 3 minutes.", messages.get(0).text());
    }

    @Test
    void readingACodeOfANumberThatGotNoOtpSaysSo() {
        AssertionError none = assertThrows(AssertionError.class, () -> sandbox.handset().lastCodeFor("+4917612340099"));
        assertEquals("No OTP was sent to +4917612340099", none.getMessage());
    }

    @Test
    void movingTheClockPastTheValidityExpiresTheOtp() throws Exception {
        String otp = api.sendOtp("+4917612340002", "login");
        String code = sandbox.handset().lastCodeFor("+4917612340002");
        OffsetDateTime before = sandbox.clock().now();

        OffsetDateTime after = sandbox.clock().advance(Duration.ofMinutes(5));

        assertFalse(after.isBefore(before.plusMinutes(5)), () -> before + " -> " + after);
        assertEquals("EXPIRED", api.validate(otp, code));
        assertTrue(sandbox.clock(sandbox.secondApiKey()).now().isBefore(before.plusMinutes(5)),
                "the other account keeps its time");
    }

    @Test
    void theWebhookReceiverGetsTheEventsOfTheAccountsOtps() throws Exception {
        TestApi.expect(201, api.post("/2fa/v4/configurations/callbacks",
                "{\"url\":\"" + sandbox.webhooks().url() + "\"}"));
        String otp = api.sendOtp("+4917612340003", "login");

        Webhooks.Webhook delivered = sandbox.webhooks().awaitEvent(otp, "DELIVERED");

        assertEquals("SMS", delivered.channel());
        assertTrue(delivered.eventId() != null && !delivered.eventId().isBlank(), delivered::toString);
        assertEquals(List.of("DISPATCHED", "DELIVERED"),
                sandbox.webhooks().receivedFor(otp).stream().map(Webhooks.Webhook::status).toList());
        List<Webhooks.Delivery> deliveries = sandbox.webhooks().deliveries().stream()
                .filter(delivery -> delivery.otpId().equals(otp)).toList();
        assertEquals(2, deliveries.size(), deliveries::toString);
        assertTrue(deliveries.stream().allMatch(delivery -> delivery.state().equals("DELIVERED")
                && delivery.callbackUrl().equals(sandbox.webhooks().url())), deliveries::toString);
    }
}
