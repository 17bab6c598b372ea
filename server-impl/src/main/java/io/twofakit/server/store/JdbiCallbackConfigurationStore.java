package io.twofakit.server.store;

import io.twofakit.server.domain.callback.CallbackConfiguration;
import io.twofakit.server.domain.callback.CallbackConfigurationStore;
import io.twofakit.server.domain.callback.ProfileGoneException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link CallbackConfigurationStore} on the tables {@code callback_configuration} and {@code callback_header}.
 * Uniqueness of url and profile rests on the column {@code profile_scope}: the profile id, or the empty
 * string for "every profile" (a unique index would treat two NULL profile ids as different). The profile id
 * is bound through {@code cast(:profile as uuid)}: PostgreSQL refuses a NULL that the driver sends as varchar.
 */
public final class JdbiCallbackConfigurationStore extends JdbiAccountResourceStore<CallbackConfiguration>
        implements CallbackConfigurationStore {

    private static final String SELECT = """
            select c.id, c.account_id, c.url, c.profile_id, h.header_name, h.header_value
              from callback_configuration c
              left join callback_header h on h.callback_id = c.id
             where c.account_id = :account""";
    /** SQLSTATEs of a foreign key naming a missing row: PostgreSQL's (the standard's), and H2's own. */
    private static final Set<String> FOREIGN_KEY_VIOLATION = Set.of("23503", "23506");

    public JdbiCallbackConfigurationStore(Database database) {
        super(database, "callback_configuration", SELECT, "c", " order by c.seq, h.position");
    }

    @Override
    public void insert(CallbackConfiguration configuration) {
        guarded(configuration, () -> jdbi.useTransaction(handle -> {
            handle.createUpdate("insert into callback_configuration (id, account_id, url, profile_id, profile_scope)"
                            + " values (:id, :account, :url, cast(:profile as uuid), :scope)")
                    .bind("id", configuration.id())
                    .bind("account", configuration.accountId())
                    .bind("url", configuration.url())
                    .bind("profile", configuration.profileId())
                    .bind("scope", scope(configuration.profileId()))
                    .execute();
            insertHeaders(handle, configuration);
        }));
    }

    @Override
    public List<CallbackConfiguration> list(String accountId) {
        return list(accountId, null, null);
    }

    @Override
    public List<CallbackConfiguration> matching(String accountId, UUID profileId) {
        return listWhere(accountId, "c.profile_scope in ('', :scope)", query -> query.bind("scope", scope(profileId)));
    }

    @Override
    protected void write(Handle handle, CallbackConfiguration changed) {
        guarded(changed, () -> {
            handle.createUpdate("update callback_configuration set url = :url, profile_id = cast(:profile as uuid), profile_scope = :scope"
                            + " where account_id = :account and id = :id")
                    .bind("url", changed.url())
                    .bind("profile", changed.profileId())
                    .bind("scope", scope(changed.profileId()))
                    .bind("account", changed.accountId())
                    .bind("id", changed.id())
                    .execute();
            handle.createUpdate("delete from callback_header where callback_id = :id").bind("id", changed.id()).execute();
            insertHeaders(handle, changed);
        });
    }

    private static String scope(UUID profileId) {
        return profileId == null ? "" : profileId.toString();
    }

    private static void insertHeaders(Handle handle, CallbackConfiguration configuration) {
        if (configuration.headers().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("insert into callback_header (callback_id, position, header_name, header_value)"
                + " values (:callback, :position, :name, :value)");
        int position = 0;
        for (Map.Entry<String, String> header : configuration.headers().entrySet()) {
            batch.bind("callback", configuration.id())
                    .bind("position", position++)
                    .bind("name", header.getKey())
                    .bind("value", header.getValue())
                    .add();
        }
        batch.execute();
    }

    /** Runs a write of {@code configuration}, translating a duplicate and a missing profile into the domain's exceptions. */
    private static void guarded(CallbackConfiguration configuration, Runnable write) {
        try {
            UniqueViolation.guardingName(configuration.url(), write);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && FOREIGN_KEY_VIOLATION.contains(sql.getSQLState())) {
                    throw new ProfileGoneException(configuration.profileId(), e);
                }
            }
            throw e;
        }
    }

    /** Folds the joined rows (one per header, or one without header) into configurations, in row order. */
    @Override
    protected List<CallbackConfiguration> read(Query query) {
        Map<UUID, CallbackConfiguration> configurations = new LinkedHashMap<>();
        Map<UUID, Map<String, String>> headers = new LinkedHashMap<>();
        query.map((rs, ctx) -> new JoinedRow(
                        new CallbackConfiguration(rs.getObject("id", UUID.class), rs.getString("account_id"),
                                rs.getString("url"), Map.of(), rs.getObject("profile_id", UUID.class)),
                        rs.getString("header_name"),
                        rs.getString("header_value")))
                .forEach(row -> {
                    UUID id = row.configuration.id();
                    configurations.putIfAbsent(id, row.configuration);
                    Map<String, String> own = headers.computeIfAbsent(id, key -> new LinkedHashMap<>());
                    if (row.headerName != null) {
                        own.put(row.headerName, row.headerValue);
                    }
                });
        List<CallbackConfiguration> result = new ArrayList<>();
        configurations.values().forEach(c -> result.add(
                new CallbackConfiguration(c.id(), c.accountId(), c.url(), headers.get(c.id()), c.profileId())));
        return result;
    }

    /** One row of the join: a configuration (without headers) and one of its headers, if any. */
    private record JoinedRow(CallbackConfiguration configuration, String headerName, String headerValue) {
    }
}
