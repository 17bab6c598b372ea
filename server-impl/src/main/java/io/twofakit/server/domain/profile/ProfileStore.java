package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Durable storage of profiles, scoped to one account in every method. */
public interface ProfileStore {

    /** Stores a new profile with its channels; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void insert(Profile profile);

    Optional<Profile> find(String accountId, UUID id);

    Optional<Profile> findByName(String accountId, String name);

    /** Profiles of the account, filtered by exact name when given, oldest first. */
    List<Profile> list(String accountId, String name);

    /** Replaces the whole profile (fields and channels); throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void update(Profile profile);

    /** @return whether a profile was deleted */
    boolean delete(String accountId, UUID id);

    /** Names of the account's profiles that reference the template {@code templateName} on {@code channel}. */
    List<String> profilesUsingTemplate(String accountId, Channel channel, String templateName);
}
