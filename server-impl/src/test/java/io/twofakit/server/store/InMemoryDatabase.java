package io.twofakit.server.store;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A fresh, migrated H2 database in memory, for tests of services over the real stores. Close it after the test. */
public final class InMemoryDatabase {

    private InMemoryDatabase() {
    }

    /** Opens a new database in which the given accounts exist. */
    public static Database open(String... accounts) {
        Database database = Database.open("jdbc:h2:mem:service-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        database.registerAccounts(List.of(accounts), Clock.systemUTC());
        return database;
    }
}
