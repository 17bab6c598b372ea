package io.twofakit.server.domain.callback;

import io.twofakit.server.domain.AccountResourceStore;
import java.util.List;
import java.util.UUID;

/**
 * Durable storage of callback configurations, scoped to one account in every method. The pair of url and
 * profile (or "every profile") is unique per account; a configuration scoped to a profile is deleted
 * together with the profile.
 */
public interface CallbackConfigurationStore extends AccountResourceStore<CallbackConfiguration> {

    /**
     * Stores a new configuration. Throws {@link io.twofakit.server.domain.NameAlreadyTakenException} (naming
     * the url) when the account has one for the same url and profile, {@link ProfileGoneException} when its
     * profile does not exist (anymore). {@link #modify} throws the same.
     */
    @Override
    void insert(CallbackConfiguration configuration);

    /** Every configuration of the account, oldest first. */
    List<CallbackConfiguration> list(String accountId);

    /**
     * The configurations that receive the events of an OTP sent with {@code profileId}: those without a
     * profile and those of that profile (only those without a profile when {@code profileId} is null), oldest first.
     */
    List<CallbackConfiguration> matching(String accountId, UUID profileId);
}
