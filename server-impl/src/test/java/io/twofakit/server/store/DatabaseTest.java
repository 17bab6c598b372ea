package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Migrations and account registration on H2 and, when {@code TWOFA_TEST_POSTGRES_URL} gives a JDBC URL of an
 * empty database, on PostgreSQL.
 */
class DatabaseTest {

    static final String POSTGRES_URL_ENV = "TWOFA_TEST_POSTGRES_URL";

    @Test
    void migratesAndRegistersAccountsOnH2() throws Exception {
        check("jdbc:h2:mem:db-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @Test
    void migratesAndRegistersAccountsOnPostgres() throws Exception {
        String url = System.getenv(POSTGRES_URL_ENV);
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL not tested: " + POSTGRES_URL_ENV + " is not set");
        check(url);
    }

    private static void check(String url) throws Exception {
        try (Database database = Database.open(url)) {
            database.registerAccounts(List.of("acme", "globex"), Clock.systemUTC());
            database.registerAccounts(List.of("acme"), Clock.systemUTC());
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select count(*) from account where id in ('acme', 'globex') and created_at is not null")) {
                rows.next();
                assertEquals(2, rows.getInt(1));
            }
        }
        try (Database reopened = Database.open(url)) {
            // a second open finds the schema up to date
            reopened.registerAccounts(List.of("acme"), Clock.systemUTC());
        }
    }
}
