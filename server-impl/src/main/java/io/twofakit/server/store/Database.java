package io.twofakit.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
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
    private final boolean exclusive;
    private final GroupCommit groupCommit;

    private Database(HikariDataSource dataSource, boolean exclusive) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.exclusive = exclusive;
        this.groupCommit = new GroupCommit(jdbi, exclusive ? 1 : NETWORK_WRITERS);
    }

    /**
     * Transactions that commit at once on a database over the network: a batch there mostly waits for round trips,
     * so a few overlap; an embedded database writes one at a time anyway.
     */
    private static final int NETWORK_WRITERS = 4;

    /**
     * How long a request waits for a connection before it fails: long enough for a busy pool, short enough that
     * clients learn at once (503) that the database is gone, instead of after HikariCP's default of 30 s.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long a connection's liveness check, and the health check's, may take. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    /** How often the start-up asks again for a database that cannot be reached yet. */
    private static final Duration START_RETRY = Duration.ofMillis(500);

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
        dataSource.setJdbcUrl(durable(jdbcUrl));
        dataSource.setPoolName("twofa");
        dataSource.setMaximumPoolSize(10);
        dataSource.setMinimumIdle(1);
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        dataSource.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        dataSource.setExceptionOverrideClassName(EvictUnreachableConnections.class.getName());
        return new Database(dataSource, exclusive(jdbcUrl));
    }

    /**
     * The URL with H2's commits written at once. H2 otherwise keeps a committed transaction in memory for up to
     * half a second (WRITE_DELAY=500), so a server killed in that time loses what it had already acknowledged.
     * Concurrent commits still share a write: H2 stores all changes made so far when a commit takes the store's
     * lock, and a commit that finds its changes stored already writes nothing. An explicit WRITE_DELAY in the
     * URL is kept as given (the operator then accepts that loss); PostgreSQL URLs are left as they are.
     */
    static String durable(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    /**
     * Whether no other process can use the database while this one has it open: an H2 database in a file (or in
     * memory) opened without H2's TCP server or AUTO_SERVER. Then any lease found at start-up was left by a
     * process that is gone.
     */
    static boolean exclusive(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT);
        return url.startsWith("JDBC:H2:") && !url.startsWith("JDBC:H2:TCP:") && !url.startsWith("JDBC:H2:SSL:")
                && !url.contains(";AUTO_SERVER=TRUE");
    }

    /**
     * Brings the schema to the newest version; fails when the database cannot be reached or a migration fails, and
     * when the database still keeps a server secret of an older version (only {@link #migrate(Duration, Consumer)}
     * can move it out).
     */
    public void migrate() {
        migrate(Duration.ZERO, keptSecret -> {
            throw new IllegalStateException("The database keeps a server secret of an older version, and nothing here"
                    + " can move it to a key file: start the server on it to move it");
        });
    }

    /**
     * Brings the schema to the newest version, waiting up to {@code wait} for a database that cannot be reached
     * yet (one still starting, say); fails when it still cannot be reached then, or when a migration fails.
     *
     * @param keptSecret takes the server secret that a database of an older version kept, once, before it is deleted
     *                   from the database (and fails when it cannot keep it elsewhere, which stops the migration)
     */
    public void migrate(Duration wait, Consumer<String> keptSecret) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                KeptServerSecret.moveOut(dataSource, keptSecret);
                int applied = Flyway.configure()
                        .dataSource(dataSource)
                        .locations(MIGRATIONS)
                        .load()
                        .migrate()
                        .migrationsExecuted;
                LOG.info(() -> "Database ready (" + applied + " migration(s) applied)");
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnreachable.causes(e) || Instant.now().plus(START_RETRY).isAfter(deadline)) {
                    throw e;
                }
                LOG.info(() -> "Waiting for the database: " + DatabaseUnreachable.reason(e));
                sleep(START_RETRY);
            }
        }
    }

    /**
     * Whether the database answers a liveness check now. Bounded by the pool's connection timeout and the
     * validation timeout; never throws.
     */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, VALIDATION_TIMEOUT.toSeconds()));
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether leases found in the database at start-up can only have been left by a process that is gone (see
     * {@link #exclusive}); then they are given back at once instead of after they run out.
     */
    public boolean exclusive() {
        return exclusive;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The writers that commit the transactions of many threads together: for the stores' frequent small writes. */
    GroupCommit groupCommit() {
        return groupCommit;
    }

    /** Jdbi over the pool, for the stores: {@code jdbi().inTransaction(handle -> ...)} scopes a connection. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Gives back every lease on delivery jobs and webhook deliveries, so that they are taken up at once rather
     * than when their leases run out. Only for a database that no other process can use ({@link #exclusive}):
     * then whoever held them is gone.
     *
     * @return how many leases were given back
     */
    public int releaseLeftLeases() {
        if (!exclusive) {
            throw new IllegalStateException("other processes may hold leases on this database");
        }
        int released = jdbi.inTransaction(handle ->
                handle.execute("update delivery_job set lease_token = null, lease_until = null where lease_token is not null")
                + handle.execute("update webhook_delivery set lease_token = null, lease_until = null"
                        + " where lease_token is not null"));
        if (released > 0) {
            LOG.info(() -> "Took over " + released + " delivery job(s) and webhook event(s) left by a stopped server");
        }
        return released;
    }

    /**
     * Makes sure that every server on this database protects codes with the same secret: the first one to start
     * leaves {@code checkValue} (see {@code CodeProtection.checkValue}) in the database; a server whose secret gives
     * another value is refused, since it could neither check the codes the others stored nor open their deliveries.
     *
     * @throws IllegalStateException when the database holds another secret's check value
     */
    public void confirmSecret(String checkValue) {
        String kept;
        try {
            kept = keptCheckValue().orElseGet(() -> {
                jdbi.useHandle(handle -> handle.createUpdate("insert into secret_check (id, check_value) values (1, :value)")
                        .bind("value", checkValue).execute());
                return checkValue;
            });
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            kept = keptCheckValue().orElseThrow(); // another server starting at the same time left its value first
        }
        if (!kept.equals(checkValue)) {
            throw new IllegalStateException("The OTP codes in this database are protected with another secret than"
                    + " this server's (--secret, or the key file --secret-file). Servers that share a database need the"
                    + " same secret: start this one with the secret (or a copy of the key file) of the others.");
        }
    }

    private Optional<String> keptCheckValue() {
        return jdbi.withHandle(handle -> handle.createQuery("select check_value from secret_check where id = 1")
                .mapTo(String.class).findOne());
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
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // another server starting on the same database registered it meanwhile
                    if (!UniqueViolation.isCause(e)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot register the accounts " + ids, e);
        }
    }

    @Override
    public void close() {
        groupCommit.close();
        dataSource.close();
    }
}
