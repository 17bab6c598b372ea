package io.twofakit.server.store;

import io.twofakit.server.domain.NamedResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link NamedResourceStore} that keeps what each send looks up by name in memory ({@link NameLookups}): for a
 * database that only this process writes. Every write forgets the account's entries; every other call goes to the
 * store it wraps.
 *
 * @param <T> the resource: a profile or a priority
 */
abstract class CachedNamedStore<T, S extends NamedResourceStore<T>> implements NamedResourceStore<T> {

    protected final S store;
    private final Function<T, String> accountOf;
    private final NameLookups<String, T> byName = new NameLookups<>();

    CachedNamedStore(S store, Function<T, String> accountOf) {
        this.store = store;
        this.accountOf = accountOf;
    }

    @Override
    public Optional<T> findByName(String accountId, String name) {
        return byName.find(accountId, name, () -> store.findByName(accountId, name));
    }

    @Override
    public void insert(T resource) {
        try {
            store.insert(resource);
        } finally {
            byName.changed(accountOf.apply(resource));
        }
    }

    @Override
    public Optional<T> modify(String accountId, UUID id, UnaryOperator<T> change) {
        try {
            return store.modify(accountId, id, change);
        } finally {
            byName.changed(accountId);
        }
    }

    @Override
    public boolean delete(String accountId, UUID id) {
        try {
            return store.delete(accountId, id);
        } finally {
            byName.changed(accountId);
        }
    }

    @Override
    public Optional<T> find(String accountId, UUID id) {
        return store.find(accountId, id);
    }

    @Override
    public List<T> list(String accountId, String name) {
        return store.list(accountId, name);
    }
}
