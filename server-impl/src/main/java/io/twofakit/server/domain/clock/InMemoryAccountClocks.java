package io.twofakit.server.domain.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each account's clock is real time plus an offset of its own, which only moves forward. The offsets live in
 * memory: a restarted server starts every account at real time again, and servers sharing a database do not see
 * each other's offsets.
 */
public final class InMemoryAccountClocks implements AdjustableAccountClocks {

    private final Clock base;
    private final ConcurrentMap<String, Duration> offsets = new ConcurrentHashMap<>();

    /** @param base real time, which every account starts at */
    public InMemoryAccountClocks(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public Clock clockFor(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return new AccountClock(base, accountId);
    }

    @Override
    public Instant advance(String accountId, Duration amount) {
        Objects.requireNonNull(accountId, "accountId");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward");
        }
        offsets.merge(accountId, amount, Duration::plus);
        return clockFor(accountId).instant();
    }

    private Duration offsetOf(String accountId) {
        return offsets.getOrDefault(accountId, Duration.ZERO);
    }

    /** The clock of one account: reads the account's offset at every instant, so a move shows at once. */
    private final class AccountClock extends Clock {

        private final Clock zoned;
        private final String accountId;

        AccountClock(Clock zoned, String accountId) {
            this.zoned = zoned;
            this.accountId = accountId;
        }

        @Override
        public Instant instant() {
            return zoned.instant().plus(offsetOf(accountId));
        }

        @Override
        public ZoneId getZone() {
            return zoned.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new AccountClock(zoned.withZone(zone), accountId);
        }
    }
}
