package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.server.domain.clock.AccountClocksBehaviour;
import io.twofakit.server.domain.clock.AdjustableAccountClocks;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Function;

class JdbiAccountClocksTest {

    private static Function<Clock, AdjustableAccountClocks> clocks(Database database) {
        database.registerAccounts(AccountClocksBehaviour.ACCOUNTS, Clock.systemUTC());
        return base -> new JdbiAccountClocks(database, base);
    }

    @DatabaseTest
    void movingOneAccountsClockLeavesTheOthersOnRealTime(Database database) {
        AccountClocksBehaviour.movingOneAccountsClockLeavesTheOthersOnRealTime(clocks(database));
    }

    @DatabaseTest
    void aClockOnlyMovesForwardAndKeepsItsOffsetInAnotherZone(Database database) {
        AccountClocksBehaviour.aClockOnlyMovesForwardAndKeepsItsOffsetInAnotherZone(clocks(database));
    }

    @DatabaseTest
    void aMoveOnOneServerShowsOnEveryOther(Database database) {
        Function<Clock, AdjustableAccountClocks> servers = clocks(database);
        Clock realTime = Clock.fixed(AccountClocksBehaviour.T0, ZoneOffset.UTC);
        AdjustableAccountClocks first = servers.apply(realTime);
        AdjustableAccountClocks second = servers.apply(realTime);

        first.advance("acme", Duration.ofMinutes(5));
        second.advance("acme", Duration.ofMinutes(1));

        assertEquals(AccountClocksBehaviour.T0.plusSeconds(360), first.clockFor("acme").instant());
        assertEquals(AccountClocksBehaviour.T0.plusSeconds(360), second.clockFor("acme").instant());
    }
}
