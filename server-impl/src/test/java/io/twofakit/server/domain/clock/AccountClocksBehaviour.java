package io.twofakit.server.domain.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * What every {@link AdjustableAccountClocks} does, wherever it keeps the offsets: one body for
 * {@link InMemoryAccountClocks} and for the database's clocks (store tests). The accounts {@link #ACCOUNTS} must
 * exist where the clocks need them.
 */
public final class AccountClocksBehaviour {

    public static final List<String> ACCOUNTS = List.of("acme", "globex");
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private AccountClocksBehaviour() {
    }

    /** @param clocksOn new clocks on the given real time, nobody's moved yet */
    public static void movingOneAccountsClockLeavesTheOthersOnRealTime(Function<Clock, AdjustableAccountClocks> clocksOn) {
        AdjustableAccountClocks clocks = clocksOn.apply(Clock.fixed(T0, ZoneOffset.UTC));

        assertEquals(T0.plusSeconds(90), clocks.advance("acme", Duration.ofSeconds(90)));
        assertEquals(T0.plusSeconds(150), clocks.advance("acme", Duration.ofSeconds(60)), "moves add up");

        assertEquals(T0.plusSeconds(150), clocks.clockFor("acme").instant());
        assertEquals(T0, clocks.clockFor("globex").instant());
    }

    public static void aClockOnlyMovesForwardAndKeepsItsOffsetInAnotherZone(
            Function<Clock, AdjustableAccountClocks> clocksOn) {
        AdjustableAccountClocks clocks = clocksOn.apply(Clock.fixed(T0, ZoneOffset.UTC));
        clocks.advance("acme", Duration.ofSeconds(90));

        assertThrows(IllegalArgumentException.class, () -> clocks.advance("acme", Duration.ofSeconds(-1)));
        assertEquals(T0.plusSeconds(90), clocks.clockFor("acme").instant());
        assertEquals(T0.plusSeconds(90), clocks.clockFor("acme").withZone(ZoneOffset.ofHours(2)).instant());
    }
}
