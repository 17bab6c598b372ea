package io.twofakit.server.domain.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryAccountClocksTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void movingOneAccountsClockLeavesTheOthersOnRealTime() {
        InMemoryAccountClocks clocks = new InMemoryAccountClocks(Clock.fixed(T0, ZoneOffset.UTC));

        assertEquals(T0.plusSeconds(90), clocks.advance("acme", Duration.ofSeconds(90)));
        assertEquals(T0.plusSeconds(150), clocks.advance("acme", Duration.ofSeconds(60)), "moves add up");

        assertEquals(T0.plusSeconds(150), clocks.clockFor("acme").instant());
        assertEquals(T0, clocks.clockFor("globex").instant());
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
        InMemoryAccountClocks clocks = new InMemoryAccountClocks(Clock.fixed(T0, ZoneOffset.UTC));
        clocks.advance("acme", Duration.ofSeconds(90));

        assertThrows(IllegalArgumentException.class, () -> clocks.advance("acme", Duration.ofSeconds(-1)));
        assertEquals(T0.plusSeconds(90), clocks.clockFor("acme").instant());
        assertEquals(T0.plusSeconds(90), clocks.clockFor("acme").withZone(ZoneOffset.ofHours(2)).instant());
    }
}
