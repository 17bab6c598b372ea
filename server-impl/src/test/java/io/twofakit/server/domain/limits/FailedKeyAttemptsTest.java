package io.twofakit.server.domain.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailedKeyAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ADDRESS = "192.0.2.7";

    private final MutableClock realTime = new MutableClock(T0);
    private final FailedKeyAttempts attempts = new FailedKeyAttempts(
            Optional.of(new RateLimit(20, Duration.ofMinutes(1))), realTime);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            attempts.checkNotBlocked(ADDRESS);
            attempts.recordFailure(ADDRESS);
        }
    }

    @Test
    void twentyInvalidKeysAMinuteAreAnsweredAndThenTheAddressIsBlockedUntilTheMinuteHasPassed() {
        fail(20);
        realTime.advance(Duration.ofSeconds(15));

        LimitExceededException blocked = assertThrows(LimitExceededException.class,
                () -> attempts.checkNotBlocked(ADDRESS));

        assertEquals(45, blocked.retryAfterSeconds(), "the window began with the first invalid key");
        assertTrue(blocked.detail().startsWith("Too many requests with an invalid API key from this address"),
                blocked.detail());
        assertTrue(blocked.detail().contains("at most 20 per minute"), blocked.detail());
        realTime.advance(Duration.ofSeconds(44));
        assertThrows(LimitExceededException.class, () -> attempts.checkNotBlocked(ADDRESS));

        realTime.advance(Duration.ofSeconds(1));
        attempts.checkNotBlocked(ADDRESS);
        fail(20);
        assertThrows(LimitExceededException.class, () -> attempts.checkNotBlocked(ADDRESS));
    }

    @Test
    void attemptsOfTheLastWindowDoNotCarryOver() {
        fail(19);
        realTime.advance(Duration.ofMinutes(1));

        fail(20);

        assertThrows(LimitExceededException.class, () -> attempts.checkNotBlocked(ADDRESS));
    }

    @Test
    void addressesAreCountedApart() {
        fail(20);
        assertThrows(LimitExceededException.class, () -> attempts.checkNotBlocked(ADDRESS));

        attempts.checkNotBlocked("192.0.2.8");
        attempts.checkNotBlocked("2001:db8::1");
    }

    @Test
    void anAddressThatNeverFailedIsNotBlocked() {
        for (int i = 0; i < 1000; i++) {
            attempts.checkNotBlocked(ADDRESS);
        }
    }

    @Test
    void switchedOffNothingIsCounted() {
        FailedKeyAttempts off = new FailedKeyAttempts(Optional.empty(), realTime);
        for (int i = 0; i < 1000; i++) {
            off.recordFailure(ADDRESS);
        }
        off.checkNotBlocked(ADDRESS);
    }
}
