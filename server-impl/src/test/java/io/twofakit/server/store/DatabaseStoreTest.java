package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.codes.CodeProtection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

class DatabaseStoreTest {

    @DatabaseTest
    void registeringAccountsTwiceKeepsOneRowEach(Database database) throws SQLException {
        database.registerAccounts(List.of("alpha", "beta"), Clock.systemUTC());
        database.registerAccounts(List.of("beta", "gamma"), Clock.systemUTC());

        assertEquals(Set.of("alpha", "beta", "gamma"), accounts(database));
    }

    @DatabaseTest
    void serversOnOneDatabaseMustHoldTheSameSecret(Database database) {
        String first = CodeProtection.checkValue("the-first-servers-secret");
        database.confirmSecret(first);
        database.confirmSecret(first);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> database.confirmSecret(CodeProtection.checkValue("another-servers-secret")));
        assertTrue(refused.getMessage().contains("same secret"), refused.getMessage());
        assertFalse(first.contains("the-first"), "the check value does not show the secret");
    }

    private static Set<String> accounts(Database database) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from account")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
