package io.twofakit.server.store;

import io.twofakit.server.domain.StoreTransaction;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** A {@link StoreTransaction} of the Jdbi stores: the handle whose transaction it is. */
final class JdbiTransaction implements StoreTransaction {

    private final Handle handle;

    JdbiTransaction(Handle handle) {
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    /** The handle of {@code transaction}, which a Jdbi store opened. */
    static Handle handleOf(StoreTransaction transaction) {
        if (transaction instanceof JdbiTransaction jdbi) {
            return jdbi.handle;
        }
        throw new IllegalArgumentException("not a transaction of the Jdbi stores: " + transaction);
    }
}
