package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.TemplateUsers;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Durable storage of profiles, scoped to one account in every method. Channels keep the order given, and so
 * do the templates of each channel. Deleting a profile deletes the callback configurations scoped to it.
 */
public interface ProfileStore extends TemplateUsers {

    /** Stores a new profile with its channels; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void insert(Profile profile);

    Optional<Profile> find(String accountId, UUID id);

    Optional<Profile> findByName(String accountId, String name);

    /** Profiles of the account, filtered by exact name when given, oldest first. */
    List<Profile> list(String accountId, String name);

    /** Replaces the whole profile (fields and channels); throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void update(Profile profile);

    /**
     * Reads the profile, applies {@code change} and stores what it returns, in one transaction that keeps
     * concurrent modifications of the same profile out (so that two additions of templates cannot lose one
     * another); an exception thrown by {@code change} leaves the profile as it was. Throws
     * {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name.
     *
     * @return the stored profile, or empty when the account has no such profile
     */
    Optional<Profile> modify(String accountId, UUID id, UnaryOperator<Profile> change);

    /** @return whether a profile was deleted */
    boolean delete(String accountId, UUID id);

    /**
     * Names of the account's profiles that reference the template {@code templateName} on {@code channel} (in
     * {@code language} when given: for WhatsApp, whose templates are told apart by name and language), by name.
     */
    @Override
    List<String> profilesUsing(String accountId, Channel channel, String templateName, String language);
}
