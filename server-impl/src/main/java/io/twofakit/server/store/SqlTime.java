package io.twofakit.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of {@code timestamp with time zone} columns, the same way on H2 and PostgreSQL: bound
 * and read as {@link OffsetDateTime} in UTC, so that no JVM or session time zone takes part.
 */
final class SqlTime {

    private SqlTime() {
    }

    static OffsetDateTime bind(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
