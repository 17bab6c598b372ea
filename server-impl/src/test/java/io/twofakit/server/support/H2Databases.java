package io.twofakit.server.support;

import io.twofakit.server.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Fresh in-memory H2 databases for tests of services over the real stores. */
public final class H2Databases {

    private H2Databases() {
    }

    /** A fresh, fully migrated database in which the given accounts exist; close it after the test. */
    public static Database withAccounts(String... accountIds) {
        Database database = Database.open("jdbc:h2:mem:service-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        database.registerAccounts(List.of(accountIds), Clock.systemUTC());
        return database;
    }
}
