package io.twofakit.server.domain.profile;

import java.util.List;

/**
 * A profile as a client asks for it; a null setting gets its default.
 *
 * @param channels the channels in the order given; entries of the same channel are merged into the first
 */
public record NewProfile(String name, Integer attempts, Integer otpCodeLength, Boolean alphanumeric,
                         List<ProfileChannel> channels) {

    public NewProfile {
        channels = channels == null ? null : List.copyOf(channels);
    }
}
