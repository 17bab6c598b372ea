package io.twofakit.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.sql.DataSource;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's database: a HikariCP pool over H2 or PostgreSQL, brought to the newest schema by Flyway
 * when opened. Migrations live in {@code src/main/resources/db/migration} ({@code V<n>__<what>.sql}) and
 * must run unchanged on both databases.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    public static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens a pool on {@code jdbcUrl} and applies the pending migrations (see {@link #migrate()}). */
    public static Database open(String jdbcUrl) {
        Database database = connect(jdbcUrl);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A pool on {@code jdbcUrl} that makes its first connection only when asked for one, and does not migrate:
     * stores can be built on it at once, while {@link #migrate} runs elsewhere. Nothing may use the stores
     * before {@link #migrate} has returned.
     */
    public static Database connect(String jdbcUrl) {
        // built without a config, the pool starts with the first getConnection() (in migrate()), and fails as fast
        // there as it would have here when the database cannot be reached
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setPoolName("twofa");
        dataSource.setMaximumPoolSize(10);
        dataSource.setMinimumIdle(1);
        return new Database(dataSource);
    }

    /**
     * Brings the schema to the newest version; fails when the database cannot be reached or a migration fails, and
     * when the database still keeps a server secret of an older version (only {@link #migrate(Consumer)} can move
     * it out).
     */
    public void migrate() {
        migrate(keptSecret -> {
            throw new IllegalStateException("The database keeps a server secret of an older version, and nothing here"
                    + " can move it to a key file: start the server on it to move it");
        });
    }

    /**
     * Brings the schema to the newest version.
     *
     * @param keptSecret takes the server secret that a database of an older version kept, once, before it is deleted
     *                   from the database (and fails when it cannot keep it elsewhere, which stops the migration)
     */
    public void migrate(Consumer<String> keptSecret) {
        KeptServerSecret.moveOut(dataSource, keptSecret);
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate()
                .migrationsExecuted;
        LOG.info(() -> "Database ready (" + applied + " migration(s) applied)");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Jdbi over the pool, for the stores: {@code jdbi().inTransaction(handle -> ...)} scopes a connection. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Makes sure an account row exists for each id; existing accounts are left as they are. */
    public void registerAccounts(Collection<String> accountIds, Clock clock) {
        Set<String> ids = new TreeSet<>(accountIds);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from account where id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into account (id, created_at) values (?, ?)")) {
            for (String id : ids) {
                exists.setString(1, id);
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        continue;
                    }
                }
                insert.setString(1, id);
                insert.setObject(2, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot register the accounts " + ids, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
