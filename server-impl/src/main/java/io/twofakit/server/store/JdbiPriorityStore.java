package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.priority.PriorityStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** {@link PriorityStore} on the tables {@code priority} and {@code priority_channel}. */
public final class JdbiPriorityStore extends JdbiAccountResourceStore<Priority> implements PriorityStore {

    private static final String SELECT = """
            select p.id, p.account_id, p.name, c.channel, c.priority_rank
              from priority p
              left join priority_channel c on c.priority_id = p.id
             where p.account_id = :account""";

    public JdbiPriorityStore(Database database) {
        super(database, "priority", SELECT, "p", " order by p.seq, c.position");
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
    public List<Priority> list(String accountId, String name) {
        return list(accountId, "name", name);
    }

    @Override
    protected void write(Handle handle, Priority priority) {
        UniqueViolation.guardingName(priority.name(), () -> handle.createUpdate(
                        "update priority set name = :name where account_id = :account and id = :id")
                .bind("name", priority.name())
                .bind("account", priority.accountId())
                .bind("id", priority.id())
                .execute());
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
    @Override
    protected List<Priority> read(Query query) {
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
