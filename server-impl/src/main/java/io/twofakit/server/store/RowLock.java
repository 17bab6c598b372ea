package io.twofakit.server.store;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Locks one row of an account for the rest of the handle's transaction ({@code select ... for update}), so
 * that read-change-write sequences on the same resource run one after the other instead of losing updates.
 */
final class RowLock {

    private RowLock() {
    }

    /** @return whether the account has a row {@code id} in {@code table} (which is then locked) */
    static boolean lock(Handle handle, String table, String accountId, UUID id) {
        return handle.createQuery("select id from " + table + " where account_id = :account and id = :id for update")
                .bind("account", accountId)
                .bind("id", id)
                .mapTo(UUID.class)
                .findOne()
                .isPresent();
    }
}
