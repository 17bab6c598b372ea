package io.twofakit.server.domain.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ForbiddenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiWhatsAppConfigurationStore;
import io.twofakit.server.support.H2Databases;
import io.twofakit.server.support.MutableClock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppConfigurationServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

    private Database database;
    private WhatsAppConfigurationService configurations;

    @BeforeEach
    void openDatabase() {
        database = H2Databases.withAccounts("acme", "other");
        configurations = new WhatsAppConfigurationService(new JdbiWhatsAppConfigurationStore(database),
                AccountClocks.shared(new MutableClock(NOW)));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aCreatedConfigurationIsReadBackAndRequiredSuccessfully() {
        UUID whatsAppAccount = UUID.randomUUID();
        configurations.create("acme", whatsAppAccount);

        assertEquals(new WhatsAppConfiguration("acme", whatsAppAccount, NOW), configurations.read("acme"));
        assertEquals(whatsAppAccount, configurations.require("acme").whatsAppAccountId());
    }

    @Test
    void aSecondConfigurationIsAConflictAndTheFirstStays() {
        UUID first = UUID.randomUUID();
        configurations.create("acme", first);

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> configurations.create("acme", UUID.randomUUID()));
        assertEquals("WhatsApp configuration already exist.", conflict.detail());
        assertEquals(Map.of(), conflict.properties());
        assertEquals(first, configurations.read("acme").whatsAppAccountId());
    }

    @Test
    void withoutAConfigurationReadingFindsNothingAndRequiringIsForbidden() {
        configurations.create("other", UUID.randomUUID());

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> configurations.read("acme"));
        assertEquals(ResourceNotFoundException.Kind.WHATSAPP_CONFIGURATION, missing.kind());

        ForbiddenException forbidden = assertThrows(ForbiddenException.class, () -> configurations.require("acme"));
        assertEquals("Missing WhatsApp Configuration", forbidden.title());
        assertEquals("Account is not allowed to use WhatsApp functionality", forbidden.detail());
    }
}
