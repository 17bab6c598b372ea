package io.twofakit.server.domain.callback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Durable storage of callback configurations, scoped to one account in every method. The pair of url and
 * profile (or "every profile") is unique per account; a configuration scoped to a profile is deleted
 * together with the profile.
 */
public interface CallbackConfigurationStore {

    /**
     * Stores a new configuration. Throws {@link io.twofakit.server.domain.NameAlreadyTakenException} (naming
     * the url) when the account has one for the same url and profile, {@link ProfileGoneException} when its
     * profile does not exist (anymore).
     */
    void insert(CallbackConfiguration configuration);

    Optional<CallbackConfiguration> find(String accountId, UUID id);

    /** Every configuration of the account, oldest first. */
    List<CallbackConfiguration> list(String accountId);

    /**
     * The configurations that receive the events of an OTP sent with {@code profileId}: those without a
     * profile and those of that profile (only those without a profile when {@code profileId} is null), oldest first.
     */
    List<CallbackConfiguration> matching(String accountId, UUID profileId);

    /**
     * Reads the configuration, applies {@code change} and stores what it returns, in one transaction that
     * keeps concurrent modifications of it out; an exception thrown by {@code change} changes nothing.
     * Throws as {@link #insert} does.
     *
     * @return the stored configuration, or empty when the account has no such configuration
     */
    Optional<CallbackConfiguration> modify(String accountId, UUID id, UnaryOperator<CallbackConfiguration> change);

    /** @return whether a configuration was deleted */
    boolean delete(String accountId, UUID id);
}
