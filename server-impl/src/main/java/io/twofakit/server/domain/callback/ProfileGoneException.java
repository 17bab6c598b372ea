package io.twofakit.server.domain.callback;

import java.util.UUID;

/**
 * Thrown by a store when a callback configuration names a profile that does not exist, e.g. because it
 * was deleted between the service's check and the write. The service reports it like a missing profile.
 *
 * <p>Not a {@link io.twofakit.server.domain.TwofaException}, for the reason given at
 * {@link io.twofakit.server.domain.NameAlreadyTakenException}: a store's signal to its service, which turns
 * it into the API's answer (a violation of {@code profileId}).
 */
public class ProfileGoneException extends RuntimeException {

    private final UUID profileId;

    public ProfileGoneException(UUID profileId, Throwable cause) {
        super("no such profile: " + profileId, cause);
        this.profileId = profileId;
    }

    public UUID profileId() {
        return profileId;
    }
}
