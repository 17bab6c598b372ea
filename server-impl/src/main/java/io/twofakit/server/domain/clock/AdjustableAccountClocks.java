package io.twofakit.server.domain.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Account clocks that the simulator can move forward, one account at a time. An implementation decides where the
 * offsets live: {@link InMemoryAccountClocks} keeps them in this process; servers sharing one database would keep
 * them there, so that every server shows an account the same time.
 */
public interface AdjustableAccountClocks extends AccountClocks {

    /**
     * Moves the clock of {@code accountId} forward by {@code amount}; other accounts' clocks do not move.
     *
     * @return the account's time after the move
     * @throws IllegalArgumentException when {@code amount} is negative: a clock never goes back
     */
    Instant advance(String accountId, Duration amount);
}
