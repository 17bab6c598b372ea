package io.twofakit.server.domain;

import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the services of priorities, profiles and callback configurations do alike with their store: read,
 * change and delete one resource of an account by its id, answering "not found" when the account has none
 * with that id (a resource of another account included).
 */
public final class AccountResources<T> {

    private final AccountResourceStore<T> store;
    private final ResourceNotFoundException.Kind kind;

    public AccountResources(AccountResourceStore<T> store, ResourceNotFoundException.Kind kind) {
        this.store = store;
        this.kind = kind;
    }

    public T read(String accountId, UUID id) {
        return store.find(accountId, id).orElseThrow(() -> notFound(id));
    }

    /** Applies {@code change} under the store's lock (see {@link AccountResourceStore#modify}); the stored result. */
    public T modify(String accountId, UUID id, UnaryOperator<T> change) {
        return store.modify(accountId, id, change).orElseThrow(() -> notFound(id));
    }

    public void delete(String accountId, UUID id) {
        if (!store.delete(accountId, id)) {
            throw notFound(id);
        }
    }

    public ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException(kind, id.toString());
    }
}
