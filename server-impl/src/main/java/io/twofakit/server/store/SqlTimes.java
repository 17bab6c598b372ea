package io.twofakit.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.Argument;

/**
 * Instants in {@code timestamp with time zone} columns, written and read as UTC {@link OffsetDateTime}s,
 * which H2 and PostgreSQL both map without a detour through the JVM's or the session's time zone.
 */
final class SqlTimes {

    private SqlTimes() {
    }

    static Argument utc(Instant instant) {
        OffsetDateTime value = instant.atOffset(ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, value);
    }

    /** Like {@link #utc}, and SQL null for null. */
    static Argument utcOrNull(Instant instant) {
        return instant == null
                ? (position, statement, context) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE)
                : utc(instant);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
