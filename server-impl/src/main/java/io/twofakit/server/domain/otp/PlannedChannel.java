package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.Channel;
import java.util.Objects;

/**
 * A channel an OTP will be tried on, with the template chosen for it.
 *
 * @param template the text with its placeholders
 * @param codeExpirationMinutes the template's validity of a code
 * @param sender the request's sender for this channel, or null
 */
record PlannedChannel(Channel channel, String template, int codeExpirationMinutes, String sender) {

    PlannedChannel {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
    }
}
