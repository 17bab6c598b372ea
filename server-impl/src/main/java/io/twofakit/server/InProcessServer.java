package io.twofakit.server;

import io.twofakit.server.config.AbuseLimits;
import io.twofakit.server.config.ServerConfig;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server started inside the caller's JVM for tests: on a free port of 127.0.0.1, with a throw-away database in
 * memory that {@link #close()} drops, the simulator on, and a secret held in memory only (nothing is written to
 * disk). It is what twofa-junit's sandbox starts, and the whole of what this module offers for that:
 *
 * <pre>{@code
 * try (InProcessServer server = InProcessServer.withApiKey("test-key-0001", "shop").start()) {
 *     URI base = server.baseUri();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>Everything else is the server's defaults: the limits against abuse (unless {@link Builder#withoutAbuseLimits()}),
 * webhook retries, the WhatsApp review delay (unless {@link Builder#whatsAppReviewDelay}).
 */
public final class InProcessServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InProcessServer.class.getName());
    /**
     * H2 in memory, kept until {@link #close()} shuts it down (not when the pool happens to hold no connection), with
     * the settings of the server's default database.
     */
    private static final String DATABASE_URL = "jdbc:h2:mem:twofa-%s;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";

    private final TwofaServer server;
    private final String databaseUrl;
    private final Map<String, String> apiKeys;

    private InProcessServer(TwofaServer server, String databaseUrl, Map<String, String> apiKeys) {
        this.server = server;
        this.databaseUrl = databaseUrl;
        this.apiKeys = apiKeys;
    }

    /** A server that accepts {@code apiKey} for {@code account}; add more keys on the builder. */
    public static Builder withApiKey(String apiKey, String account) {
        return new Builder().apiKey(apiKey, account);
    }

    /** Where clients reach the server, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** The accepted API keys, each with the account it acts for, in the order given. */
    public Map<String, String> apiKeys() {
        return apiKeys;
    }

    /** Stops the server (see {@link TwofaServer#stop()}) and drops its database. */
    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            drop(databaseUrl);
        }
    }

    /** The JDBC URL of the server's database, which exists until {@link #close()}. */
    String databaseUrl() {
        return databaseUrl;
    }

    private static void drop(String databaseUrl) {
        try (Connection connection = DriverManager.getConnection(databaseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The in-process server's database could not be dropped", e);
        }
    }

    /** What a test may choose; the rest is the server's defaults. */
    public static final class Builder {

        private final Map<String, String> apiKeys = new LinkedHashMap<>();
        private Duration whatsAppReviewDelay = ServerConfig.DEFAULT_WHATSAPP_REVIEW_DELAY;
        private AbuseLimits limits = AbuseLimits.DEFAULTS;

        private Builder() {
        }

        /** Accepts {@code apiKey} (8 to 256 of {@code A-Za-z0-9._~+/-}) for {@code account}. */
        public Builder apiKey(String apiKey, String account) {
            apiKeys.put(Objects.requireNonNull(apiKey, "apiKey"), Objects.requireNonNull(account, "account"));
            return this;
        }

        /** How long the simulated review of a WhatsApp template takes (default 2 s). */
        public Builder whatsAppReviewDelay(Duration delay) {
            this.whatsAppReviewDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** No limits against abuse: no 429 however many OTPs a test sends, nor however many invalid keys. */
        public Builder withoutAbuseLimits() {
            this.limits = AbuseLimits.NONE;
            return this;
        }

        /** Starts the server; it accepts requests when this returns. */
        public InProcessServer start() {
            String databaseUrl = DATABASE_URL.formatted(UUID.randomUUID());
            ServerConfig config = new ServerConfig(0, databaseUrl, apiKeys, false, true, whatsAppReviewDelay)
                    .withLimits(limits);
            TwofaServer server;
            try {
                server = TwofaServer.start(config);
            } catch (RuntimeException e) {
                drop(databaseUrl);
                throw e;
            }
            return new InProcessServer(server, databaseUrl, Collections.unmodifiableMap(new LinkedHashMap<>(apiKeys)));
        }
    }
}
