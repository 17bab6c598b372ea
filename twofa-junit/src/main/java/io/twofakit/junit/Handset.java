package io.twofakit.junit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The phones of the simulated channels, as one account sees them: every message the server sent for the account's
 * OTPs (one per channel attempt, delivered or not), with its rendered text. Delivery happens after the send is
 * answered, so the methods that read a code wait for it, up to {@link #DELIVERY}.
 */
public final class Handset {

    /** How long reading a code waits for the message to be delivered. */
    public static final Duration DELIVERY = Duration.ofSeconds(15);

    private final SandboxHttp http;

    Handset(SandboxHttp http) {
        this.http = http;
    }

    /** One message of a simulated channel. */
    public record Message(String channel, String to, String sender, String text, String otpId, OffsetDateTime time,
                          String outcome) {

        /** Whether the channel delivered it (not UNDELIVERABLE, not TIMED_OUT). */
        public boolean delivered() {
            return "DELIVERED".equals(outcome);
        }

        static Message of(JsonNode message) {
            return new Message(message.path("channel").asText(), message.path("to").asText(),
                    message.hasNonNull("sender") ? message.get("sender").asText() : null,
                    message.path("text").asText(), message.path("otpId").asText(),
                    OffsetDateTime.parse(message.path("time").asText()), message.path("outcome").asText());
        }
    }

    /** The messages sent to {@code number} (E.164, e.g. {@code +4917612345678}) so far, oldest first. */
    public List<Message> messagesTo(String number) {
        return messages("/simulator/messages?to=" + SandboxHttp.query(number));
    }

    /**
     * The code of the newest OTP sent to {@code number}, from the message that delivered it: waits until a channel
     * has delivered it. The code is found by matching the text against the account's templates.
     *
     * @throws AssertionError when no OTP was sent to the number, or none of its channels delivered it in time
     */
    public String lastCodeFor(String number) {
        JsonNode otps = http.get("/2fa/v4/otp?to=" + SandboxHttp.query(number));
        if (otps.isEmpty()) {
            throw new AssertionError("No OTP was sent to " + number);
        }
        return codeOf(otps.get(0).path("otpId").asText());
    }

    /** The code of the OTP with this id, from the message that delivered it; waits as {@link #lastCodeFor} does. */
    public String codeOf(UUID otpId) {
        return codeOf(otpId.toString());
    }

    /** The code of the OTP with this id, from the message that delivered it; waits as {@link #lastCodeFor} does. */
    public String codeOf(String otpId) {
        Message delivered = deliveredMessageOf(otpId);
        return OtpCodes.in(delivered.text(), templatesOf(delivered.channel()))
                .orElseThrow(() -> new AssertionError("Cannot tell the code in the message " + delivered));
    }

    /** The message that delivered the OTP with this id; waits up to {@link #DELIVERY} for it. */
    public Message deliveredMessageOf(String otpId) {
        try {
            return await().atMost(DELIVERY).pollInterval(Duration.ofMillis(50))
                    .until(() -> attemptsOf(otpId).stream().filter(Message::delivered).findFirst(), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No channel delivered the OTP " + otpId + " within " + DELIVERY.toSeconds()
                    + " s; its attempts: " + attemptsOf(otpId), e);
        }
    }

    /** Every attempt to deliver the OTP with this id so far, in order. */
    public List<Message> attemptsOf(String otpId) {
        return messages("/simulator/messages").stream().filter(message -> message.otpId().equals(otpId)).toList();
    }

    private List<Message> messages(String path) {
        List<Message> messages = new ArrayList<>();
        http.get(path).forEach(message -> messages.add(Message.of(message)));
        return messages;
    }

    /** The account's templates of a text channel; WhatsApp's are read by their looks. */
    private List<String> templatesOf(String channel) {
        if (channel.equals("WHATSAPP")) {
            return List.of();
        }
        List<String> templates = new ArrayList<>();
        http.get("/2fa/v4/templates/" + channel.toLowerCase(Locale.ROOT))
                .forEach(template -> templates.add(template.path("message").asText()));
        return templates;
    }
}
