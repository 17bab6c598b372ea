package io.twofakit.server.config;

import io.twofakit.server.domain.webhook.WebhookSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import io.twofakit.server.domain.limits.RateLimit;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the server is started with, typed. {@link ServerOptions} builds it from the command line and the
 * environment (each option is declared there once, with its variable, default and help); tests build it directly.
 *
 * @param port TCP port to listen on; 0 picks a free one
 * @param host the address to listen on: {@value #DEFAULT_HOST} (this machine only) unless told otherwise,
 *             {@code 0.0.0.0} or {@code ::} for every interface
 * @param databaseUrl JDBC URL of the database (H2 or PostgreSQL)
 * @param apiKeys accepted API keys, each mapped to the account it acts for; empty when none was configured
 * @param apiKeyGenerated whether no key was configured: then the server uses the key kept in {@link #apiKeyFile()}
 *                        (generated there on the first start) for the account {@value #DEFAULT_ACCOUNT}
 * @param simulator whether the simulator's controls are switched on
 * @param whatsAppReviewDelay how long the simulated review of a WhatsApp template takes until it approves it
 * @param secret the server secret that OTP codes are hashed and sealed with; null to use the one in
 *               {@code secretFile} (generated there on first start)
 * @param secretFile the key file that holds the server secret when none is configured, outside the database; also
 *                   where a secret that an older version kept in the database is moved to. Null only with a secret.
 * @param webhooks how webhook events are posted and retried
 * @param limits the limits against abuse
 * @param logFormat how log lines are written: plain text or one JSON object per line
 */
public record ServerConfig(int port, String host, String databaseUrl, Map<String, String> apiKeys,
                           boolean apiKeyGenerated, boolean simulator, Duration whatsAppReviewDelay, String secret,
                           Path secretFile, WebhookSettings webhooks, Duration databaseWait,
                           AbuseLimits limits, LogFormat logFormat) {

    public static final int DEFAULT_PORT = 8080;
    /** This machine only: exposing the server to others is a decision ({@code --host 0.0.0.0}). */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /**
     * H2 in a file, speaking PostgreSQL's dialect. QUERY_CACHE_SIZE: H2 keeps 8 parsed statements per connection by
     * default, fewer than the statements of one OTP's life, so it would parse nearly every statement again.
     */
    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/twofa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=64";
    /** Account of an API key given without {@code =ACCOUNT}, and of the generated key. */
    public static final String DEFAULT_ACCOUNT = "default";

    /** Beside the default H2 database's files, never inside the database. */
    public static final Path DEFAULT_SECRET_FILE = Path.of("data", "twofa.secret");

    public static final Duration DEFAULT_WHATSAPP_REVIEW_DELAY = Duration.ofSeconds(2);
    /** How long the start-up waits for a database that cannot be reached yet (one still starting, say). */
    public static final Duration DEFAULT_DATABASE_WAIT = Duration.ofSeconds(30);
    /** Beside the key file: where a generated API key is kept, so that it still works after a restart. */
    public static final String API_KEY_FILE_NAME = "twofa.apikey";
    /** The shortest secret accepted: 16 characters. */
    public static final int MIN_SECRET_LENGTH = 16;

    /** A host name, an IPv4 address or an IPv6 address (with or without brackets). */
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(host, "host");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name or address: " + host);
        }
        host = unbracketed(host);
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (apiKeys.isEmpty() && !apiKeyGenerated) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        if (apiKeys.isEmpty() && secretFile == null) {
            throw new IllegalArgumentException("a kept API key needs the folder of the key file");
        }
        apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(apiKeys));
        Objects.requireNonNull(whatsAppReviewDelay, "whatsAppReviewDelay");
        if (whatsAppReviewDelay.isNegative()) {
            throw new IllegalArgumentException("whatsAppReviewDelay is negative: " + whatsAppReviewDelay);
        }
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a secret has at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (secret == null && secretFile == null) {
            throw new IllegalArgumentException("either a secret or a key file to keep one in is needed");
        }
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(databaseWait, "databaseWait");
        if (databaseWait.isNegative()) {
            throw new IllegalArgumentException("databaseWait is negative: " + databaseWait);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(logFormat, "logFormat");
    }

    /**
     * A configuration on {@value #DEFAULT_HOST} with the default WhatsApp review delay and webhook settings, and a
     * secret generated for it (held by this configuration only: nothing is written to disk).
     */
    public ServerConfig(int port, String databaseUrl, Map<String, String> apiKeys, boolean apiKeyGenerated,
                        boolean simulator) {
        this(port, databaseUrl, apiKeys, apiKeyGenerated, simulator, DEFAULT_WHATSAPP_REVIEW_DELAY);
    }

    /**
     * A configuration on {@value #DEFAULT_HOST} with the default webhook settings, and a secret generated for it
     * (held by this configuration only: nothing is written to disk).
     */
    public ServerConfig(int port, String databaseUrl, Map<String, String> apiKeys, boolean apiKeyGenerated,
                        boolean simulator, Duration whatsAppReviewDelay) {
        this(port, DEFAULT_HOST, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                generateSecret(new SecureRandom()), null, WebhookSettings.DEFAULTS,
                DEFAULT_DATABASE_WAIT, AbuseLimits.DEFAULTS, LogFormat.PLAIN);
    }

    /** Thrown for arguments or variables that cannot be understood; the message says which. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Reads the command line and the environment as {@code java -jar twofa-server.jar} does (see {@link ServerOptions},
     * where each option is declared).
     *
     * @param args command-line arguments, {@code --name value} or {@code --name=value}
     * @param env environment variables
     */
    public static ServerConfig parse(String[] args, Map<String, String> env) throws UsageException {
        return ServerOptions.parse(args, env);
    }

    /** A copy whose simulated WhatsApp review takes {@code delay}. */
    public ServerConfig withWhatsAppReviewDelay(Duration delay) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, delay, secret,
                secretFile, webhooks, databaseWait, limits, logFormat);
    }

    /** A copy that waits {@code wait} at start-up for a database that cannot be reached yet. */
    public ServerConfig withDatabaseWait(Duration wait) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, wait, limits, logFormat);
    }

    /** A copy with other webhook settings. */
    public ServerConfig withWebhooks(WebhookSettings newWebhooks) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, newWebhooks, databaseWait, limits, logFormat);
    }

    /** A copy whose secret is the key file's (generated there when missing), as without {@code --secret}. */
    public ServerConfig withSecretFile(Path file) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                null, Objects.requireNonNull(file, "file"), webhooks, databaseWait, limits, logFormat);
    }

    /** A copy that listens on {@code newHost}. */
    public ServerConfig withHost(String newHost) {
        return new ServerConfig(port, newHost, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, databaseWait, limits, logFormat);
    }

    /** A copy with the accepted API keys (each mapped to its account) in place of the ones it had. */
    public ServerConfig withApiKeys(Map<String, String> keys) {
        return new ServerConfig(port, host, databaseUrl, keys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, databaseWait, limits, logFormat);
    }

    /**
     * Where the server keeps the API key it generated when none was configured: beside the key file, readable by its
     * owner only. Null when no key file is configured.
     */
    public Path apiKeyFile() {
        return secretFile == null ? null : secretFile.resolveSibling(API_KEY_FILE_NAME);
    }

    /** Whether the server listens on every interface rather than on one address. */
    public boolean listensOnEveryInterface() {
        return host.equals("0.0.0.0") || host.replace("0", "").equals("::");
    }

    /** A copy that writes its log lines in {@code format}. */
    public ServerConfig withLogFormat(LogFormat format) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, databaseWait, limits, format);
    }

    /** A copy with other limits against abuse. */
    public ServerConfig withLimits(AbuseLimits newLimits) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, databaseWait, newLimits, logFormat);
    }

    @Override
    public String toString() {
        // never print the keys, the secret or the database's password
        return "ServerConfig[host=" + host + ", port=" + port + ", databaseUrl=" + DatabaseUrls.masked(databaseUrl)
                + ", accounts=" + new java.util.TreeSet<>(apiKeys.values()) + ", apiKeyGenerated=" + apiKeyGenerated
                + ", simulator=" + simulator + ", whatsAppReviewDelay=" + whatsAppReviewDelay
                + ", secret=" + (secret != null ? "configured" : "from the key file " + secretFile.toAbsolutePath())
                + ", webhooks=" + webhooks + ", databaseWait=" + databaseWait
                + ", limits=" + limits + ", logFormat=" + logFormat + "]";
    }

    /** A secret for {@code --secret}, or for the key file when none is configured. */
    public static String generateSecret(SecureRandom random) {
        return generateApiKey(random);
    }

    static String generateApiKey(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
