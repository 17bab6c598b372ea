package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.priority.PriorityStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** {@link PriorityStore} on the tables {@code priority} and {@code priority_channel}. */
public final class JdbiPriorityStore implements PriorityStore {

    private static final String SELECT = """
            select p.id, p.account_id, p.name, c.channel, c.priority_rank
              from priority p
              left join priority_channel c on c.priority_id = p.id
             where p.account_id = :account""";
    private static final String ORDER = " order by p.seq, c.position";

    private final Jdbi jdbi;

    public JdbiPriorityStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void insert(Priority priority) {
        UniqueViolation.guardingName(priority.name(), () -> jdbi.useTransaction(handle -> {
            handle.createUpdate("insert into priority (id, account_id, name) values (:id, :account, :name)")
                    .bind("id", priority.id())
                    .bind("account", priority.accountId())
                    .bind("name", priority.name())
                    .execute();
            insertChannels(handle, priority);
        }));
    }

    @Override
    public Optional<Priority> find(String accountId, UUID id) {
        return jdbi.withHandle(handle -> read(handle.createQuery(SELECT + " and p.id = :id" + ORDER)
                .bind("account", accountId).bind("id", id)).stream().findFirst());
    }

    @Override
    public Optional<Priority> findByName(String accountId, String name) {
        return list(accountId, name).stream().findFirst();
    }

    @Override
    public List<Priority> list(String accountId, String name) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + (name == null ? "" : " and p.name = :name") + ORDER)
                    .bind("account", accountId);
            return read(name == null ? query : query.bind("name", name));
        });
    }

    @Override
    public void update(Priority priority) {
        UniqueViolation.guardingName(priority.name(), () -> jdbi.useTransaction(handle -> write(handle, priority)));
    }

    @Override
    public Optional<Priority> modify(String accountId, UUID id, UnaryOperator<Priority> change) {
        return jdbi.inTransaction(handle -> {
            if (!RowLock.lock(handle, "priority", accountId, id)) {
                return Optional.<Priority>empty();
            }
            Priority current = read(handle.createQuery(SELECT + " and p.id = :id" + ORDER)
                    .bind("account", accountId).bind("id", id)).get(0);
            Priority changed = change.apply(current);
            UniqueViolation.guardingName(changed.name(), () -> write(handle, changed));
            return Optional.of(changed);
        });
    }

    @Override
    public boolean delete(String accountId, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from priority where account_id = :account and id = :id")
                .bind("account", accountId).bind("id", id).execute()) > 0;
    }

    private static void write(Handle handle, Priority priority) {
        handle.createUpdate("update priority set name = :name where account_id = :account and id = :id")
                .bind("name", priority.name())
                .bind("account", priority.accountId())
                .bind("id", priority.id())
                .execute();
        handle.createUpdate("delete from priority_channel where priority_id = :id").bind("id", priority.id()).execute();
        insertChannels(handle, priority);
    }

    private static void insertChannels(Handle handle, Priority priority) {
        if (priority.channels().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("insert into priority_channel (priority_id, position, channel, priority_rank)"
                + " values (:priority, :position, :channel, :rank)");
        for (int i = 0; i < priority.channels().size(); i++) {
            ChannelRank entry = priority.channels().get(i);
            batch.bind("priority", priority.id())
                    .bind("position", i)
                    .bind("channel", entry.channel().name())
                    .bind("rank", entry.priority())
                    .add();
        }
        batch.execute();
    }

    /** Folds the joined rows (one per channel entry, or one without entry) into priorities, in row order. */
    private static List<Priority> read(Query query) {
        Map<UUID, Priority> priorities = new LinkedHashMap<>();
        Map<UUID, List<ChannelRank>> channels = new LinkedHashMap<>();
        query.map((rs, ctx) -> new JoinedRow(
                        new Priority(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("name"), List.of()),
                        rs.getString("channel"),
                        rs.getInt("priority_rank")))
                .forEach(row -> {
                    priorities.putIfAbsent(row.priority.id(), row.priority);
                    List<ChannelRank> entries = channels.computeIfAbsent(row.priority.id(), id -> new ArrayList<>());
                    if (row.channel != null) {
                        entries.add(new ChannelRank(Channel.valueOf(row.channel), row.rank));
                    }
                });
        return priorities.values().stream()
                .map(p -> new Priority(p.id(), p.accountId(), p.name(), channels.get(p.id())))
                .toList();
    }

    /** One row of the join: a priority (without entries) and one of its entries, if any. */
    private record JoinedRow(Priority priority, String channel, int rank) {
    }
}
