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
import java.util.List;
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
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=64";
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
     * OTPs number {@code first} to {@code last} of an account, sent with its profile {@code profileId}. An OTP's id
     * follows from its number, so ranges that do not overlap add different OTPs.
     */
    record OtpSeed(String accountId, UUID profileId, long first, long last) {
    }

    /**
     * Adds the finished OTPs of the seeds, of the past 30 days, each with the two delivery events a delivered OTP
     * leaves (DISPATCHED, DELIVERED): mostly verified, some expired unused, some exhausted, to 200,000 different
     * numbers per account. Set-based SQL in chunks of 100,000 rows, so that a million takes seconds to minutes
     * rather than a million round trips.
     */
    void seedOtps(List<OtpSeed> seeds) throws SQLException {
        boolean postgres = jdbcUrl().startsWith("jdbc:postgresql:");
        // a table of the numbers first..last in a column x, in each database's words
        String numbers = postgres ? "generate_series(cast(? as bigint), cast(? as bigint)) as r(x)"
                : "(select \"X\" as x from system_range(?, ?)) r";
        String randomUuid = postgres ? "gen_random_uuid()" : "random_uuid()";
        // the OTP's id from x: decimal digits are hex digits too; the scrambled first part spreads the ids over the
        // key space as random ones would be, the last part keeps them unique
        String otpId = "cast(lpad(cast(mod(x * 2654435761, 100000000) as varchar), 8, '0') || '-0000-4000-8000-'"
                + " || lpad(cast(x as varchar), 12, '0') as uuid)";
        // spread over 30 days, starting an hour ago (104729 is a prime: the times look unordered)
        String created = "current_timestamp - (3600 + mod(x * 104729, 2592000)) * interval '1' second";
        String insertOtps = "insert into otp (id, account_id, profile_id, to_number, code_hash, status, attempt_count,"
                + " allowed_attempts, created_at, expires_at)"
                + " select " + otpId + ", ?, cast(? as uuid), '+4915' || cast(10000000 + mod(x * 7919, 200000) as varchar),"
                + " 'seeded-' || cast(x as varchar),"
                + " case when mod(x, 100) < 85 then 'VERIFIED' when mod(x, 100) < 95 then 'ACTIVE'"
                + " else 'TOO_MANY_ATTEMPTS' end,"
                + " case when mod(x, 100) < 85 then 1 when mod(x, 100) < 95 then 0 else 3 end, 3,"
                + " " + created + ", " + created + " + 5 * interval '1' minute"
                + " from " + numbers;
        String insertEvents = "insert into delivery_event (id, otp_id, account_id, profile_id, event_seq, channel,"
                + " status, occurred_at)"
                + " select " + randomUuid + ", " + otpId + ", ?, cast(? as uuid), seq, 'SMS',"
                + " case when seq = 0 then 'DISPATCHED' else 'DELIVERED' end, " + created + " + seq * interval '1' second"
                + " from " + numbers + " cross join (select 0 as seq union all select 1) s";
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
             PreparedStatement otps = connection.prepareStatement(insertOtps);
             PreparedStatement events = connection.prepareStatement(insertEvents)) {
            for (OtpSeed seed : seeds) {
                for (long from = seed.first(); from <= seed.last(); from += CHUNK) {
                    long to = Math.min(seed.last(), from + CHUNK - 1);
                    for (PreparedStatement insert : new PreparedStatement[] {otps, events}) {
                        insert.setString(1, seed.accountId());
                        insert.setObject(2, seed.profileId());
                        insert.setLong(3, from);
                        insert.setLong(4, to);
                        insert.executeUpdate();
                    }
                }
            }
            try (Statement sql = connection.createStatement()) {
                if (postgres) {
                    // what autovacuum would do by itself a little later: fresh planner statistics
                    sql.execute("analyze");
                } else {
                    // H2 appends every change to its file: bulk inserts leave it several times larger than its data,
                    // and the server would spend its first minutes compacting it. Compacted, as a file is after
                    // H2's own maintenance.
                    sql.execute("shutdown compact");
                }
            }
        }
    }

    private static final long CHUNK = 100_000;
}
