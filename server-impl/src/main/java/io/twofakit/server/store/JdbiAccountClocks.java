package io.twofakit.server.store;

import io.twofakit.server.domain.clock.AdjustableAccountClocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Account clocks whose offsets live in the account's row ({@code account.clock_offset_millis}), for servers that
 * share a database: the simulator moves an account's clock on one server and every server shows it the same time
 * at once, and a restart keeps it.
 *
 * <p>{@link #clockFor} reads the offset once, when called: the clock it answers stays at that offset. Services
 * ask for an account's clock for each operation, so a move shows in the next operation.
 */
public final class JdbiAccountClocks implements AdjustableAccountClocks {

    private final Jdbi jdbi;
    private final Clock base;

    /** @param base real time, which every account starts at */
    public JdbiAccountClocks(Database database, Clock base) {
        this.jdbi = database.jdbi();
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public Clock clockFor(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        long offset = jdbi.withHandle(handle -> handle.createQuery(
                        "select clock_offset_millis from account where id = :account")
                .bind("account", accountId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
        return offset == 0 ? base : Clock.offset(base, Duration.ofMillis(offset));
    }

    @Override
    public Instant advance(String accountId, Duration amount) {
        Objects.requireNonNull(accountId, "accountId");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward");
        }
        long offset = jdbi.inTransaction(handle -> {
            handle.createUpdate("update account set clock_offset_millis = clock_offset_millis + :amount"
                            + " where id = :account")
                    .bind("amount", amount.toMillis())
                    .bind("account", accountId)
                    .execute();
            return handle.createQuery("select clock_offset_millis from account where id = :account")
                    .bind("account", accountId)
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        });
        return base.instant().plus(Duration.ofMillis(offset));
    }
}
