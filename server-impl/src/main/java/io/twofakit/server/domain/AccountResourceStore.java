package io.twofakit.server.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The shape the stores of an account's priorities, profiles and callback configurations share: every method
 * is scoped to one account, and a change is a locked read-change-write ({@link #modify}).
 *
 * @param <T> the resource, a record that carries its id and its account's id
 */
public interface AccountResourceStore<T> {

    /**
     * Stores a new resource; throws {@link NameAlreadyTakenException} when the account has one of that name
     * (the database's unique constraint decides, so of two concurrent inserts one fails).
     */
    void insert(T resource);

    Optional<T> find(String accountId, UUID id);

    /**
     * Reads the resource, applies {@code change} and stores what it returns, in one transaction that keeps
     * concurrent modifications of the same resource out (so that two changes cannot lose one another); an
     * exception thrown by {@code change} leaves the resource as it was. Throws as {@link #insert} does.
     *
     * @return the stored resource, or empty when the account has no such resource
     */
    Optional<T> modify(String accountId, UUID id, UnaryOperator<T> change);

    /** @return whether a resource was deleted */
    boolean delete(String accountId, UUID id);
}
