package twofabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A fresh, empty database for one server run, and direct SQL access to it while the server is stopped: to count
 * and to seed OTPs in bulk (no HTTP), the way a long-running installation would have accumulated them.
 */
abstract class BenchDatabase {

    private final Path directory;

    private BenchDatabase(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Where the server runs (its working directory) and writes its log. */
    Path directory() {
        return directory;
    }

    /** The server's own options for this database (none for the embedded default). */
    abstract List<String> serverOptions();

    /** A JDBC URL for the benchmark itself; only used while the server is stopped (H2 is single-process). */
    abstract String jdbcUrl();

    /** Removes the database. */
    abstract void drop() throws SQLException;

    /** The embedded default: H2 files under {@code <dir>/data}, the server started in {@code dir} with no option. */
    static BenchDatabase h2(Path dir) throws IOException {
        Path data = dir.resolve("data");
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return new BenchDatabase(dir) {
            @Override
            List<String> serverOptions() {
                return List.of();
            }

            @Override
            String jdbcUrl() {
                // the server's default URL, relative to its working directory
                return "jdbc:h2:file:" + dir.resolve("data/twofa").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
            }

            @Override
            void drop() {
                // the working directory is removed with the benchmark's work folder
            }
        };
    }

    /**
     * A new database {@code name} on the PostgreSQL server that {@code adminUrl} (database postgres) reaches; the
     * server runs in {@code dir}.
     */
    static BenchDatabase postgres(String adminUrl, String name, Path dir) throws SQLException, IOException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name);
        }
        String url = adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        if (url.equals(adminUrl)) {
            throw new IllegalArgumentException("expected an admin URL naming the database postgres: " + adminUrl);
        }
        return new BenchDatabase(dir) {
            @Override
            List<String> serverOptions() {
                return List.of("--database", url);
            }

            @Override
            String jdbcUrl() {
                return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            }

            @Override
            void drop() throws SQLException {
                try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
                    sql.execute("drop database if exists " + name);
                }
            }
        };
    }

    /** The number of stored OTPs. */
    long countOtps() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
             Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("select count(*) from otp")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Adds {@code count} finished OTPs of the past 30 days for {@code accountId} and {@code profileId}, each with
     * the two delivery events a delivered OTP leaves (DISPATCHED, DELIVERED): mostly verified, some expired
     * unused, some exhausted, to 200,000 different numbers.
     */
    void seedOtps(String accountId, UUID profileId, long count) throws SQLException {
        SplittableRandom random = new SplittableRandom(count);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        byte[] hash = new byte[32];
        try (Connection connection = DriverManager.getConnection(jdbcUrl())) {
            connection.setAutoCommit(false);
            try (PreparedStatement otp = connection.prepareStatement("insert into otp (id, account_id, profile_id,"
                    + " to_number, code_hash, status, attempt_count, allowed_attempts, created_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement event = connection.prepareStatement("insert into delivery_event (id, otp_id,"
                         + " account_id, profile_id, event_seq, channel, status, occurred_at)"
                         + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < count; i++) {
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    OffsetDateTime created = now.minusHours(1).minusSeconds(random.nextLong(30L * 24 * 3600));
                    int kind = random.nextInt(100);
                    String status = kind < 85 ? "VERIFIED" : kind < 95 ? "ACTIVE" : "TOO_MANY_ATTEMPTS";
                    int attempts = kind < 85 ? 1 : kind < 95 ? 0 : 3;
                    random.nextBytes(hash);
                    otp.setObject(1, id);
                    otp.setString(2, accountId);
                    otp.setObject(3, profileId);
                    otp.setString(4, "+4915" + (10_000_000 + random.nextInt(200_000)));
                    otp.setString(5, Base64.getEncoder().encodeToString(hash));
                    otp.setString(6, status);
                    otp.setInt(7, attempts);
                    otp.setInt(8, 3);
                    otp.setObject(9, created);
                    otp.setObject(10, created.plusMinutes(5));
                    otp.addBatch();
                    for (int seq = 0; seq < 2; seq++) {
                        event.setObject(1, new UUID(random.nextLong(), random.nextLong()));
                        event.setObject(2, id);
                        event.setString(3, accountId);
                        event.setObject(4, profileId);
                        event.setInt(5, seq);
                        event.setString(6, "SMS");
                        event.setString(7, seq == 0 ? "DISPATCHED" : "DELIVERED");
                        event.setObject(8, created.plusSeconds(seq));
                        event.addBatch();
                    }
                    if ((i + 1) % 5_000 == 0 || i + 1 == count) {
                        otp.executeBatch();
                        event.executeBatch();
                        connection.commit();
                    }
                }
            }
            if (jdbcUrl().startsWith("jdbc:postgresql:")) {
                connection.setAutoCommit(true);
                try (Statement sql = connection.createStatement()) {
                    // what autovacuum would do by itself a little later: fresh planner statistics
                    sql.execute("analyze");
                }
            }
        }
    }
}
