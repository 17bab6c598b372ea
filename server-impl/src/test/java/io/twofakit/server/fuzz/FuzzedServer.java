package io.twofakit.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofakit.server.TwofaServer;
import io.twofakit.server.config.AbuseLimits;
import io.twofakit.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The real server, started in-process on a free port with a fresh database (H2 in memory, or a schema of its
 * own on a PostgreSQL server), with the resources the bad requests aim at ({@link SeededWorld}), and a record
 * of what the server logs while it runs.
 */
final class FuzzedServer implements AutoCloseable {

    static final String API_KEY = "fuzz-key-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwofaServer server;
    private final RawHttp http;
    private final Runnable discardDatabase;
    private final LogCapture logs = new LogCapture();
    private SeededWorld world;

    private FuzzedServer(String databaseUrl, Runnable discardDatabase) {
        this.discardDatabase = discardDatabase;
        Logger.getLogger("").addHandler(logs);
        // the fuzzer presents many invalid keys from one address on purpose: with that limit on, every later request
        // would be refused 429 and nothing behind it reached
        AbuseLimits limits = new AbuseLimits(AbuseLimits.DEFAULTS.sendsPerRecipient(),
                AbuseLimits.DEFAULTS.sendsPerAccount(), Optional.empty());
        this.server = TwofaServer.start(new ServerConfig(0, databaseUrl, Map.of(API_KEY, "fuzz"), false, true)
                .withLimits(limits));
        this.http = new RawHttp(server.port());
    }

    static FuzzedServer onH2() {
        return new FuzzedServer("jdbc:h2:mem:fuzz-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", () -> { });
    }

    static FuzzedServer onPostgres(String serverUrl) {
        String schema = "fuzz_" + UUID.randomUUID().toString().replace("-", "");
        execute(serverUrl, "create schema " + schema);
        return new FuzzedServer(serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                () -> execute(serverUrl, "drop schema " + schema + " cascade"));
    }

    RawHttp http() {
        return http;
    }

    int port() {
        return server.port();
    }

    LogCapture logs() {
        return logs;
    }

    /** Creates the resources the requests aim at, through the API, once. */
    SeededWorld world() {
        if (world == null) {
            world = SeededWorld.create(this::call);
        }
        return world;
    }

    /** A well-formed JSON call with the API key; fails unless it answers 2xx. */
    JsonNode call(String method, String target, String json) {
        RawHttp.Request request = new RawHttp.Request(method, target).header("apiKey", API_KEY);
        if (json != null) {
            request.header("Content-Type", "application/json").body(json.getBytes(StandardCharsets.UTF_8));
        }
        RawHttp.Answer answer = http.exchange(request);
        if (!answer.answered() || answer.status() / 100 != 2) {
            throw new IllegalStateException("Seeding " + method + " " + target + " " + json + " answered "
                    + (answer.answered() ? answer.status() + " " + answer.bodyText() : answer.failure()));
        }
        try {
            return answer.body().length == 0 ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            Logger.getLogger("").removeHandler(logs);
            discardDatabase.run();
        }
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + sql, e);
        }
    }

    /** What the server logged at WARNING and above, or with a stack trace, and every line at INFO and above. */
    static final class LogCapture extends Handler {
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue() || record.getThrown() != null) {
                records.add(record);
            }
        }

        /** The records logged since the given count of records; see {@link #count()}. */
        List<LogRecord> since(int count) {
            synchronized (records) {
                return List.copyOf(records.subList(Math.min(count, records.size()), records.size()));
            }
        }

        int count() {
            return records.size();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
