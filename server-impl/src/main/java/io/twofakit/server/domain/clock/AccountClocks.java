package io.twofakit.server.domain.clock;

import java.time.Clock;

/**
 * The time as each account sees it. Services read an account's time here, never from one clock of the whole
 * server: the simulator moves one account's clock (to test expiry without waiting) and every other account stays
 * on its own time. Expiry, the timestamps of OTPs, delivery events, the handset's messages and WhatsApp templates
 * follow the account's clock; leases, retries and backoff are technical and use real time.
 */
@FunctionalInterface
public interface AccountClocks {

    /** The clock of {@code accountId}. */
    Clock clockFor(String accountId);

    /** Every account reads {@code clock}: for a service whose time no one moves per account. */
    static AccountClocks shared(Clock clock) {
        return accountId -> clock;
    }
}
