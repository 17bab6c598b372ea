package io.twofakit.server.domain.priority;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Durable storage of priorities, scoped to one account in every method. Channel entries keep the order given. */
public interface PriorityStore {

    /** Stores a new priority; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void insert(Priority priority);

    Optional<Priority> find(String accountId, UUID id);

    Optional<Priority> findByName(String accountId, String name);

    /** Priorities of the account, filtered by exact name when given, oldest first. */
    List<Priority> list(String accountId, String name);

    /** Replaces name and channel entries; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name. */
    void update(Priority priority);

    /**
     * Reads the priority, applies {@code change} and stores what it returns, in one transaction that keeps
     * concurrent modifications of the same priority out; an exception thrown by {@code change} leaves the
     * priority as it was. Throws {@link io.twofakit.server.domain.NameAlreadyTakenException} for a taken name.
     *
     * @return the stored priority, or empty when the account has no such priority
     */
    Optional<Priority> modify(String accountId, UUID id, UnaryOperator<Priority> change);

    /** @return whether a priority was deleted */
    boolean delete(String accountId, UUID id);
}
