package io.twofakit.server.store;

import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.priority.PriorityStore;

/** Priorities looked up by name kept in memory ({@link CachedNamedStore}): for a database that only this process writes. */
public final class CachedPriorityStore extends CachedNamedStore<Priority, PriorityStore> implements PriorityStore {

    public CachedPriorityStore(PriorityStore store) {
        super(store, Priority::accountId);
    }
}
