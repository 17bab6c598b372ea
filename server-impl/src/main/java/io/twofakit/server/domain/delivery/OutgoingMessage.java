package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.Channel;
import java.util.Objects;
import java.util.UUID;

/**
 * A rendered message handed to a channel gateway. It holds the code in clear: gateways must not log or
 * keep it, except the simulator's handset, which stands for the recipient's phone.
 *
 * @param accountId the account that sent the OTP
 * @param attempt 0 for the preferred channel, 1 for the first backup, ...
 * @param sender the channel's sender (SMS sender, Viber service id, Voice caller, WhatsApp number), or null
 */
public record OutgoingMessage(UUID otpId, String accountId, String to, Channel channel, String sender, String text,
                              int attempt) {

    public OutgoingMessage {
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        // never the text: it holds the code
        return "OutgoingMessage[otpId=" + otpId + ", channel=" + channel + ", attempt=" + attempt + "]";
    }
}
