package io.twofakit.server.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, starting, or the network to it broken) from other failures,
 * whatever wraps the driver's exception (Jdbi, Flyway, HikariCP).
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    /** Whether {@code failure}, or anything in its chain of causes, says that the database cannot be reached. */
    public static boolean causes(Throwable failure) {
        return find(failure) != null;
    }

    /** The driver's message of the failure to reach the database, or the failure's own message. */
    static String reason(Throwable failure) {
        Throwable cause = find(failure);
        return String.valueOf((cause != null ? cause : failure).getMessage());
    }

    private static Throwable find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: PostgreSQL shutting down or starting up
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")
                    // 90067: H2 (over TCP) lost its connection
                    || sql.getSQLState().equals("90067"))) {
                return t;
            }
        }
        return null;
    }
}
