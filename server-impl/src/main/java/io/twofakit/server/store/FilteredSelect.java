package io.twofakit.server.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A select of one account's rows with optional equality filters: each filter given a value adds
 * {@code and column = :column} and binds the value; a filter without a value (null) adds nothing.
 */
final class FilteredSelect {

    private final StringBuilder sql;
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** @param select the select up to its where clause's first condition, which binds {@code :account} */
    FilteredSelect(String select, String accountId) {
        this.sql = new StringBuilder(select);
        values.put("account", accountId);
    }

    /** Keeps only rows whose {@code column} equals {@code value}, when a value is given. */
    FilteredSelect where(String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(column);
            values.put(column, value);
        }
        return this;
    }

    /** The query on {@code handle}, ending with {@code rest} (its order, its limit), with every value bound. */
    Query query(Handle handle, String rest) {
        Query query = handle.createQuery(sql + rest);
        values.forEach(query::bind);
        return query;
    }
}
