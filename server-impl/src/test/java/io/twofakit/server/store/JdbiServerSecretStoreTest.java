package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

class JdbiServerSecretStoreTest {

    @DatabaseTest
    void theFirstSecretIsKeptAndGeneratedOnlyOnce(Database database) {
        AtomicInteger generated = new AtomicInteger();
        JdbiServerSecretStore store = new JdbiServerSecretStore(database, Clock.systemUTC());

        String first = store.secret(() -> "secret-" + generated.incrementAndGet() + "-of-some-length");
        String second = new JdbiServerSecretStore(database, Clock.systemUTC())
                .secret(() -> "secret-" + generated.incrementAndGet() + "-of-some-length");

        assertEquals("secret-1-of-some-length", first);
        assertEquals(first, second);
        assertEquals(1, generated.get());
    }

    @DatabaseTest
    void aServerThatLosesTheRaceUsesTheWinnersSecret(Database database) {
        JdbiServerSecretStore winner = new JdbiServerSecretStore(database, Clock.systemUTC());
        JdbiServerSecretStore loser = new JdbiServerSecretStore(database, Clock.systemUTC());

        // the loser generates while the winner stores its own
        String used = loser.secret(() -> {
            winner.secret(() -> "the-winners-secret-value");
            return "the-losers-secret-value";
        });

        assertEquals("the-winners-secret-value", used);
    }
}
