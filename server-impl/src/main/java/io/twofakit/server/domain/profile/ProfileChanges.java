package io.twofakit.server.domain.profile;

import java.util.List;

/**
 * What a patch of a profile changes; a null component is left as it is.
 *
 * @param channels channels replacing all of the profile's channels, or null
 */
public record ProfileChanges(String name, Integer attempts, Integer otpCodeLength, Boolean alphanumeric,
                             List<ProfileChannel> channels) {

    public ProfileChanges {
        channels = channels == null ? null : List.copyOf(channels);
    }
}
