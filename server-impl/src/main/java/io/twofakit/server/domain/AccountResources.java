package io.twofakit.server.domain;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the services of priorities, profiles and callback configurations do alike with their store: store a
 * new resource, read, change and delete one by its id, answering "not found" when the account has none with
 * that id (a resource of another account included), and a conflict in the service's words when the store
 * finds the name taken.
 */
public final class AccountResources<T> {

    private final AccountResourceStore<T> store;
    private final ResourceNotFoundException.Kind kind;
    private final Function<String, ? extends TwofaException> nameTaken;

    /** @param nameTaken the answer to a name the account has given another resource already */
    public AccountResources(AccountResourceStore<T> store, ResourceNotFoundException.Kind kind,
                            Function<String, ? extends TwofaException> nameTaken) {
        this.store = store;
        this.kind = kind;
        this.nameTaken = nameTaken;
    }

    public void insert(T resource) {
        try {
            store.insert(resource);
        } catch (NameAlreadyTakenException e) {
            throw nameTaken.apply(e.name());
        }
    }

    public T read(String accountId, UUID id) {
        return store.find(accountId, id).orElseThrow(() -> notFound(id));
    }

    /** Applies {@code change} under the store's lock (see {@link AccountResourceStore#modify}); the stored result. */
    public T modify(String accountId, UUID id, UnaryOperator<T> change) {
        try {
            return store.modify(accountId, id, change).orElseThrow(() -> notFound(id));
        } catch (NameAlreadyTakenException e) {
            throw nameTaken.apply(e.name());
        }
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
