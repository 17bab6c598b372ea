package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key that OTP codes are hashed with never lives beside the codes: without {@code --secret} it is in a key file
 * outside the database. So a dump of the database alone gives no code away, however many codes one tries; with the
 * key file, the same search finds the code at once.
 */
class SecretOutsideTheDatabaseTest {

    private static final String KEY = "key-for-acme-1";
    /** The code of the OTP in the dump: six digits, as a profile generates them by default. */
    private static final String CODE = "493817";

    @TempDir
    Path data;

    private String databaseUrl() {
        return "jdbc:h2:file:" + data.resolve("twofa").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private ServerConfig config() {
        return new ServerConfig(0, databaseUrl(), Map.of(KEY, "acme"), false, true)
                .withSecretFile(data.resolve("twofa.secret"));
    }

    @Test
    void aDumpOfTheDatabaseAloneGivesNoCodeAwayTheKeyFileDoes() throws Exception {
        UUID otpId;
        try (TwofaServer server = TwofaServer.start(config())) {
            OtpTestApi api = new OtpTestApi(server);
            String profile = api.smsProfile(KEY, "Your code {{otp_code}}");
            String to = OtpTestApi.newNumber();
            otpId = UUID.fromString(api.sendOtp(KEY, to, profile, "\"otpCode\":\"" + CODE + "\""));
            await().atMost(10, TimeUnit.SECONDS).until(() -> api.messagesTo(KEY, to).size() == 1);
        }
        Map<String, List<Map<String, String>>> dump = dump(databaseUrl());
        assertEquals(1, dump.get("otp").size(), "the dump holds the OTP");
        // every value in the dump that could be the secret: the server takes no secret shorter than 16 characters
        Set<String> candidates = new LinkedHashSet<>();
        dump.values().forEach(rows -> rows.forEach(row -> row.values().stream()
                .filter(value -> value != null && value.length() >= ServerConfig.MIN_SECRET_LENGTH)
                .forEach(candidates::add)));

        long start = System.nanoTime();
        Optional<String> fromTheDumpAlone = recover(candidates, dump);
        long dumpAloneMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        String keyFile = Files.readString(data.resolve("twofa.secret")).strip();
        start = System.nanoTime();
        Optional<String> withTheKeyFile = recover(List.of(keyFile), dump);
        long withKeyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.printf("Dump of %d rows: %d candidate secrets x 10^6 codes in %d ms found %s; with the key file"
                        + " found %s in %d ms%n", dump.values().stream().mapToInt(List::size).sum(), candidates.size(),
                dumpAloneMillis, fromTheDumpAlone.orElse("nothing"), withTheKeyFile.orElse("nothing"), withKeyMillis);
        assertEquals(Optional.empty(), fromTheDumpAlone, "a code was recovered from the dump alone");
        assertEquals(Optional.of(CODE), withTheKeyFile, "the search should find the code once the key is known");
        assertFalse(candidates.contains(keyFile), "the key is in the dump");
        assertTrue(dump.get("otp").get(0).get("id").equals(otpId.toString()));
    }

    /**
     * What someone with the dump and the server's code would do: take each candidate secret, derive the keys as the
     * server does, and try every six-digit code against every code hash in the dump, and open every sealed code.
     */
    private static Optional<String> recover(Collection<String> candidateSecrets,
                                            Map<String, List<Map<String, String>>> dump) {
        for (String candidate : candidateSecrets) {
            CodeProtection codes = new CodeProtection(candidate, new SecureRandom());
            for (Map<String, String> job : dump.getOrDefault("delivery_job", List.of())) {
                try {
                    return Optional.of(codes.open(UUID.fromString(job.get("otp_id")),
                            Base64.getDecoder().decode(job.get("sealed_code"))));
                } catch (IllegalArgumentException notThisKey) {
                    // try the next
                }
            }
            for (Map<String, String> otp : dump.get("otp")) {
                UUID id = UUID.fromString(otp.get("id"));
                String hash = otp.get("code_hash");
                for (int code = 0; code < 1_000_000; code++) {
                    String guess = sixDigits(code);
                    if (codes.matches(id, guess, hash)) {
                        return Optional.of(guess);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String sixDigits(int code) {
        char[] digits = new char[6];
        for (int i = 5, rest = code; i >= 0; i--, rest /= 10) {
            digits[i] = (char) ('0' + rest % 10);
        }
        return new String(digits);
    }

    /** Every row of every table, each value as text, as a dump would hold it. */
    private static Map<String, List<Map<String, String>>> dump(String url) throws SQLException {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            List<String> names = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (found.next()) {
                    names.add(found.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                List<Map<String, String>> rows = new ArrayList<>();
                try (Statement select = connection.createStatement();
                     ResultSet result = select.executeQuery("select * from \"" + name + "\"")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.put(columns.getColumnName(i).toLowerCase(), result.getString(i));
                        }
                        rows.add(row);
                    }
                }
                tables.put(name.toLowerCase(), rows);
            }
        }
        return tables;
    }

    @Test
    void aSecretThatAnOlderVersionKeptInTheDatabaseMovesToTheKeyFileAndStillChecksItsCodes() throws Exception {
        String legacySecret = "the-secret-version-5-kept-in-the-database";
        UUID otpId = UUID.randomUUID();
        try (Database older = Database.connect(databaseUrl())) {
            Flyway.configure().dataSource(older.dataSource()).locations(Database.MIGRATIONS).target("5").load().migrate();
            try (Connection connection = older.dataSource().getConnection()) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                insert(connection, "insert into account (id, created_at) values (?, ?)", "acme", now);
                insert(connection, "insert into server_secret (name, secret_value, created_at) values (?, ?, ?)",
                        "otp-codes", legacySecret, now);
                insert(connection, "insert into otp (id, account_id, profile_id, to_number, code_hash, status,"
                                + " attempt_count, allowed_attempts, created_at, expires_at)"
                                + " values (?, ?, ?, ?, ?, 'ACTIVE', 0, 3, ?, ?)", otpId, "acme", UUID.randomUUID(),
                        "+4917612345678", new CodeProtection(legacySecret, new SecureRandom()).hash(otpId, "135790"),
                        now, now.plus(Duration.ofMinutes(10)));
            }
        }

        try (TwofaServer server = TwofaServer.start(config())) {
            OtpTestApi api = new OtpTestApi(server);
            assertEquals("VERIFIED", expect(200, api.send(KEY, "POST", "2fa/v4/otp/" + otpId + "/validate",
                    "{\"otpCode\":\"135790\"}")).get("otpStatus").asText());
        }

        Path keyFile = data.resolve("twofa.secret");
        assertEquals(legacySecret, Files.readString(keyFile).strip());
        assertFalse(dump(databaseUrl()).containsKey("server_secret"), "the secret's table is dropped");
        assertFalse(dump(databaseUrl()).values().stream().flatMap(List::stream).flatMap(row -> row.values().stream())
                .anyMatch(legacySecret::equals), "the secret is still in the database");
        assumeTrue(keyFile.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    @Test
    void theKeyFileIsCreatedForItsOwnerOnlyAndSurvivesARestart() throws IOException {
        try (TwofaServer first = TwofaServer.start(config())) {
            assertTrue(Files.exists(data.resolve("twofa.secret")));
        }
        String secret = Files.readString(data.resolve("twofa.secret"));
        try (TwofaServer second = TwofaServer.start(config())) {
            assertEquals(secret, Files.readString(data.resolve("twofa.secret")), "read, not generated again");
        }
        assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("twofa.secret"))));
    }
}
