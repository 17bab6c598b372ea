package io.twofakit.examples.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.client.TwofaApi;
import io.twofakit.junit.TwofaSandbox;
import io.twofakit.junit.Webhooks;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The application's sign-in codes against twofa-kit's server, started in this JVM by the sandbox. */
class SignInCodesTest {

    @RegisterExtension
    static TwofaSandbox sandbox = TwofaSandbox.create();

    static SignInCodes signIn;

    @BeforeAll
    static void theApplicationUsesTheSandbox() throws Exception {
        signIn = new SignInCodes(TwofaApi.client(sandbox.baseUrl(), sandbox.apiKey()));
        signIn.setUp(sandbox.webhooks().url());
    }

    @Test
    void theCodeTheCustomerReceivedSignsThemIn() throws Exception {
        UUID sent = signIn.sendCode("+4917612345678");

        String received = sandbox.handset().lastCodeFor("+4917612345678");

        assertEquals(SignInCodes.Check.ACCEPTED, signIn.check(sent, received));
        assertEquals(SignInCodes.Check.REFUSED, signIn.check(sent, received), "a code is good once");
    }

    @Test
    void aWrongCodeLetsTheCustomerTryAgain() throws Exception {
        UUID sent = signIn.sendCode("+4917612345679");
        String received = sandbox.handset().lastCodeFor("+4917612345679");

        assertEquals(SignInCodes.Check.WRONG_CODE, signIn.check(sent, received.equals("000000") ? "111111" : "000000"));
        assertEquals(SignInCodes.Check.ACCEPTED, signIn.check(sent, received));
    }

    @Test
    void theApplicationsWebhookHearsThatTheCodeWasDelivered() throws Exception {
        UUID sent = signIn.sendCode("+4917612345680");

        Webhooks.Webhook delivered = sandbox.webhooks().awaitEvent(sent.toString(), "DELIVERED");

        assertEquals("SMS", delivered.channel());
        assertEquals(List.of("DISPATCHED", "DELIVERED"),
                sandbox.webhooks().receivedFor(sent.toString()).stream().map(Webhooks.Webhook::status).toList());
    }

    @Test
    void aCodeTypedAfterItsThreeMinutesHasExpired() throws Exception {
        UUID sent = signIn.sendCode("+4917612345681");
        String received = sandbox.handset().lastCodeFor("+4917612345681");

        sandbox.clock().advance(Duration.ofMinutes(3).plusSeconds(1));

        assertEquals(SignInCodes.Check.EXPIRED, signIn.check(sent, received));
    }
}
