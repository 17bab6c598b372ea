package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.simulator.Handset;
import io.twofakit.server.domain.simulator.HandsetMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The simulator's handset in the table {@code handset_message}, for servers that share a database: a message one
 * server delivered is read on any other. Texts hold the codes, so they are stored sealed under the server secret
 * (as a pending delivery keeps its code): a dump of the database alone shows no code.
 *
 * <p>Reads answer only an account's newest {@code capacity} messages; older rows are deleted every
 * {@value #PRUNE_EVERY} messages a server records, so the table holds a little more than that per account.
 */
public final class JdbiHandset implements Handset {

    static final int PRUNE_EVERY = 64;

    private final Jdbi jdbi;
    private final CodeProtection codes;
    private final int capacity;
    private final AtomicLong recorded = new AtomicLong();

    public JdbiHandset(Database database, CodeProtection codes, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.jdbi = database.jdbi();
        this.codes = Objects.requireNonNull(codes, "codes");
        this.capacity = capacity;
    }

    @Override
    public void record(HandsetMessage message) {
        String sealed = Base64.getEncoder().encodeToString(codes.seal(message.otpId(), message.text()));
        jdbi.useHandle(handle -> handle.createUpdate("insert into handset_message (account_id, channel, to_number,"
                        + " sender, sealed_text, otp_id, sent_at, outcome) values (:account, :channel, :to, :sender,"
                        + " :sealed, :otp, :sent, :outcome)")
                .bind("account", message.accountId())
                .bind("channel", message.channel().name())
                .bind("to", message.to())
                .bindByType("sender", message.sender(), String.class)
                .bind("sealed", sealed)
                .bind("otp", message.otpId())
                .bind("sent", SqlTimes.utc(message.time()))
                .bind("outcome", message.outcome().name())
                .execute());
        if (recorded.incrementAndGet() % PRUNE_EVERY == 0) {
            prune(message.accountId());
        }
    }

    /** Deletes the account's messages older than its newest {@code capacity}. */
    void prune(String accountId) {
        jdbi.useHandle(handle -> handle.createUpdate("delete from handset_message where account_id = :account"
                        + " and seq <= (select seq from handset_message where account_id = :account"
                        + " order by seq desc limit 1 offset :capacity)")
                .bind("account", accountId)
                .bind("capacity", capacity)
                .execute());
    }

    @Override
    public List<HandsetMessage> messages(String accountId, String to) {
        String newest = "select * from handset_message where account_id = :account order by seq desc limit :capacity";
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("select m.* from (" + newest + ") m"
                            + (to == null ? "" : " where m.to_number = :to") + " order by m.seq")
                    .bind("account", accountId)
                    .bind("capacity", capacity);
            if (to != null) {
                query.bind("to", to);
            }
            return query.map((row, ctx) -> message(row)).list();
        });
    }

    private HandsetMessage message(ResultSet row) throws SQLException {
        UUID otpId = row.getObject("otp_id", UUID.class);
        return new HandsetMessage(row.getString("account_id"), Channel.valueOf(row.getString("channel")),
                row.getString("to_number"), row.getString("sender"),
                codes.open(otpId, Base64.getDecoder().decode(row.getString("sealed_text"))), otpId,
                SqlTimes.instant(row, "sent_at"), DeliveryEventStatus.valueOf(row.getString("outcome")));
    }
}
