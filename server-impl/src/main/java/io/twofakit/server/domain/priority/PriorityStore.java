package io.twofakit.server.domain.priority;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Durable storage of priorities, scoped to one account in every method. */
public interface PriorityStore {

    /** Stores a new priority; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void insert(Priority priority);

    Optional<Priority> find(String accountId, UUID id);

    Optional<Priority> findByName(String accountId, String name);

    /** Priorities of the account, filtered by exact name when given, oldest first. */
    List<Priority> list(String accountId, String name);

    /** Replaces name and channel entries; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void update(Priority priority);

    /** @return whether a priority was deleted */
    boolean delete(String accountId, UUID id);
}
