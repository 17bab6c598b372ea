package io.twofakit.server.domain.simulator;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A message as the simulator's handset saw it: one per channel attempt, delivered or not.
 *
 * @param accountId the account that sent the OTP: the only one that sees the message
 * @param sender the SMS sender, Viber service id, Voice caller or WhatsApp number; null when none was given
 * @param outcome how the attempt ended
 */
public record HandsetMessage(String accountId, Channel channel, String to, String sender, String text, UUID otpId, Instant time,
                             DeliveryEventStatus outcome) {

    @Override
    public String toString() {
        // never the text: it holds the code
        return "HandsetMessage[accountId=" + accountId + ", channel=" + channel + ", otpId=" + otpId + ", outcome=" + outcome + "]";
    }
}
