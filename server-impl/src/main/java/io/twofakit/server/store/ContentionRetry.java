package io.twofakit.server.store;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database gave it up because of contention with another one: a lock wait
 * that timed out (H2's default lock timeout is one second), a deadlock, a serialization failure, or a concurrent
 * first send to the same new recipient that created its record first ({@link RecipientSends.FirstSendRaced}: tried
 * again, the transaction finds the record and waits for its lock).
 */
final class ContentionRetry {

    /** SQLSTATEs of a transaction that may succeed when tried again. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00");
    private static final int MAX_TRIES = 10;

    private ContentionRetry() {
    }

    static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_TRIES || !isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    /** Whether {@code failure} is contention: the transaction may succeed when tried again. */
    static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecipientSends.FirstSendRaced) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
