package io.twofakit.server.domain.priority;

import io.twofakit.server.domain.NamedResourceStore;

/** Durable storage of priorities, scoped to one account in every method. Channel entries keep the order given. */
public interface PriorityStore extends NamedResourceStore<Priority> {
}
