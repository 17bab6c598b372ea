package io.twofakit.server.store;

import io.twofakit.server.domain.NameAlreadyTakenException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Recognises the database refusing a duplicate of a unique key (SQLSTATE 23505 on H2 and PostgreSQL) and
 * turns it into the domain's {@link NameAlreadyTakenException}.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** Runs {@code write}; a unique-key violation it causes becomes a {@link NameAlreadyTakenException} for {@code name}. */
    public static <T> T guardingName(String name, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (isCause(e)) {
                throw new NameAlreadyTakenException(name, e);
            }
            throw e;
        }
    }

    /** Runs {@code write}; a unique-key violation it causes becomes a {@link NameAlreadyTakenException} for {@code name}. */
    public static void guardingName(String name, Runnable write) {
        guardingName(name, () -> {
            write.run();
            return null;
        });
    }

    /** Whether a unique-key violation is among the causes of {@code failure}. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
