package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Servers before V6 kept a generated server secret in the table {@code server_secret}. The migration hands it over
 * once (the server moves it to the key file), then the table is gone: a dump holds no secret any more.
 */
class ServerSecretMigrationTest {

    private static final String KEPT = "a-secret-the-database-kept-0123";

    /** The database as a server of version 5 left it, with its secret kept. */
    private static void olderDatabaseWithASecret(Database database) throws SQLException {
        Flyway.configure().dataSource(database.dataSource()).locations(Database.MIGRATIONS).target("5").load().migrate();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into server_secret (name, secret_value, created_at) values ('otp-codes', ?, ?)")) {
            insert.setString(1, KEPT);
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static boolean secretTableExists(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("server_secret")) {
                    return true;
                }
            }
            return false;
        }
    }

    @DatabaseTest(migrated = false)
    void aKeptSecretIsHandedOverOnceAndTheTableDropped(Database database) throws SQLException {
        olderDatabaseWithASecret(database);
        List<String> handedOver = new ArrayList<>();

        database.migrate(Duration.ZERO, handedOver::add);

        assertEquals(List.of(KEPT), handedOver);
        assertFalse(secretTableExists(database), "the secret's table is dropped");
        database.migrate(Duration.ZERO, handedOver::add);
        assertEquals(List.of(KEPT), handedOver, "handed over once");
    }

    @DatabaseTest(migrated = false)
    void whenTheSecretCannotBeKeptElsewhereTheMigrationStopsAndKeepsIt(Database database) throws SQLException {
        olderDatabaseWithASecret(database);

        assertThrows(RuntimeException.class, () -> database.migrate(Duration.ZERO, kept -> {
            throw new IllegalStateException("no key file to move it to");
        }));
        assertTrue(secretTableExists(database));

        List<String> handedOver = new ArrayList<>();
        database.migrate(Duration.ZERO, handedOver::add);
        assertEquals(List.of(KEPT), handedOver, "the secret was not lost by the failed attempt");
    }

    @DatabaseTest(migrated = false)
    void aNewDatabaseNeverHadASecret(Database database) throws SQLException {
        List<String> handedOver = new ArrayList<>();

        database.migrate(Duration.ZERO, handedOver::add);

        assertEquals(List.of(), handedOver);
        assertFalse(secretTableExists(database));
    }
}
