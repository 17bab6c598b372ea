package io.twofakit.server.domain.profile;

import java.util.List;
import java.util.UUID;

/**
 * A named set of templates per channel and language, with the rules for the OTPs sent with it.
 * {@code channels} keeps the order in which the client gave them: without a priority, OTPs are
 * delivered over the channels in this order.
 */
public record Profile(
        UUID id,
        String accountId,
        String name,
        int attempts,
        int otpCodeLength,
        boolean alphanumeric,
        List<ProfileChannel> channels) {

    public Profile {
        channels = List.copyOf(channels);
    }
}
