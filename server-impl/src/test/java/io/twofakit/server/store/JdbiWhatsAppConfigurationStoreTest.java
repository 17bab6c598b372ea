package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.whatsapp.WhatsAppConfiguration;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

class JdbiWhatsAppConfigurationStoreTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123Z");

    private static JdbiWhatsAppConfigurationStore store(Database database) {
        database.registerAccounts(List.of("acme", "other"), Clock.systemUTC());
        return new JdbiWhatsAppConfigurationStore(database);
    }

    @DatabaseTest
    void anAccountHasNoConfigurationUntilOneIsStored(Database database) {
        JdbiWhatsAppConfigurationStore store = store(database);
        assertTrue(store.find("acme").isEmpty());

        WhatsAppConfiguration configuration = new WhatsAppConfiguration("acme", UUID.randomUUID(), CREATED);
        assertTrue(store.insert(configuration));

        assertEquals(Optional.of(configuration), store.find("acme"));
        assertTrue(store.find("other").isEmpty());
    }

    @DatabaseTest
    void aSecondConfigurationIsRefusedAndTheFirstStays(Database database) {
        JdbiWhatsAppConfigurationStore store = store(database);
        WhatsAppConfiguration first = new WhatsAppConfiguration("acme", UUID.randomUUID(), CREATED);
        store.insert(first);

        assertFalse(store.insert(new WhatsAppConfiguration("acme", UUID.randomUUID(), CREATED.plusSeconds(5))));
        assertEquals(Optional.of(first), store.find("acme"));
    }

    @DatabaseTest
    void ofTwoConcurrentConfigurationsExactlyOneIsStored(Database database) {
        JdbiWhatsAppConfigurationStore store = store(database);
        AtomicInteger stored = new AtomicInteger();
        Runnable insertOne = () -> {
            if (store.insert(new WhatsAppConfiguration("acme", UUID.randomUUID(), CREATED))) {
                stored.incrementAndGet();
            }
        };
        List<Throwable> outcomes = Concurrently.run(List.of(insertOne, insertOne));

        assertEquals(2, outcomes.stream().filter(o -> o == null).count(), "neither may fail: " + outcomes);
        assertEquals(1, stored.get());
    }
}
