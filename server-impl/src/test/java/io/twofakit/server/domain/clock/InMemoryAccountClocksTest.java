package io.twofakit.server.domain.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.server.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAccountClocksTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void movingOneAccountsClockLeavesTheOthersOnRealTime() {
        AccountClocksBehaviour.movingOneAccountsClockLeavesTheOthersOnRealTime(InMemoryAccountClocks::new);
    }

    @Test
    void aClockHandedOutEarlierShowsLaterMovesAndRealTimePassing() {
        MutableClock realTime = new MutableClock(T0);
        InMemoryAccountClocks clocks = new InMemoryAccountClocks(realTime);
        Clock acme = clocks.clockFor("acme");

        clocks.advance("acme", Duration.ofMinutes(5));
        realTime.advance(Duration.ofSeconds(1));

        assertEquals(T0.plusSeconds(301), acme.instant());
        assertEquals(T0.plusSeconds(1), clocks.clockFor("globex").instant());
    }

    @Test
    void aClockOnlyMovesForwardAndKeepsItsOffsetInAnotherZone() {
        AccountClocksBehaviour.aClockOnlyMovesForwardAndKeepsItsOffsetInAnotherZone(InMemoryAccountClocks::new);
    }
}
