package io.twofakit.server.store;

import io.twofakit.server.domain.AccountResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What the Jdbi stores of priorities, profiles and callback configurations share: a main table with the
 * columns {@code id} and {@code account_id}, read joined with its detail rows (channel entries, channels and
 * templates, headers) by one select, and found, listed, modified under a row lock and deleted alike. A
 * subclass says how the joined rows fold into resources ({@link #read}) and how a changed resource is written
 * ({@link #write}); deleting the main row deletes its details (on delete cascade).
 */
abstract class JdbiAccountResourceStore<T> implements AccountResourceStore<T> {

    protected final Jdbi jdbi;
    private final String table;
    private final String select;
    private final String alias;
    private final String order;

    /**
     * @param table the main table
     * @param select the joined select, ending in {@code where <alias>.account_id = :account}
     * @param alias the main table's alias in {@code select}
     * @param order the order by clause that keeps resources and their details in order
     */
    protected JdbiAccountResourceStore(Database database, String table, String select, String alias, String order) {
        this.jdbi = database.jdbi();
        this.table = table;
        this.select = select;
        this.alias = alias;
        this.order = order;
    }

    /** Folds the joined rows of {@code query} (several per resource) into resources, in row order. */
    protected abstract List<T> read(Query query);

    /**
     * Writes {@code changed} over its stored row and details, inside the transaction of {@code handle};
     * translates what the database refuses as {@link #insert} does.
     */
    protected abstract void write(Handle handle, T changed);

    @Override
    public Optional<T> find(String accountId, UUID id) {
        return jdbi.withHandle(handle -> find(handle, accountId, id));
    }

    /** The account's resources, only those whose {@code column} of the main table equals {@code value} when it is not null. */
    protected List<T> list(String accountId, String column, Object value) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(select + (value == null ? "" : " and " + alias + "." + column + " = :value")
                    + order).bind("account", accountId);
            return read(value == null ? query : query.bind("value", value));
        });
    }

    /** The account's resources selected by {@code condition} (with its parameters bound by {@code binder}). */
    protected List<T> listWhere(String accountId, String condition, UnaryOperator<Query> binder) {
        return jdbi.withHandle(handle -> read(binder.apply(
                handle.createQuery(select + " and " + condition + order).bind("account", accountId))));
    }

    @Override
    public Optional<T> modify(String accountId, UUID id, UnaryOperator<T> change) {
        return jdbi.inTransaction(handle -> {
            if (!RowLock.lock(handle, table, accountId, id)) {
                return Optional.<T>empty();
            }
            T changed = change.apply(find(handle, accountId, id).orElseThrow());
            write(handle, changed);
            return Optional.of(changed);
        });
    }

    @Override
    public boolean delete(String accountId, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from " + table + " where account_id = :account and id = :id")
                .bind("account", accountId).bind("id", id).execute()) > 0;
    }

    private Optional<T> find(Handle handle, String accountId, UUID id) {
        return read(handle.createQuery(select + " and " + alias + ".id = :id" + order)
                .bind("account", accountId).bind("id", id)).stream().findFirst();
    }
}
