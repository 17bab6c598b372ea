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
 * Everything the server is started with. Each setting has a default, an environment variable and a
 * command-line option; the option wins over the variable, the variable over the default.
 *
 * @param port TCP port to listen on; 0 picks a free one
 * @param host the address to listen on: {@value #DEFAULT_HOST} (this machine only) unless told otherwise,
 *             {@code 0.0.0.0} or {@code ::} for every interface
 * @param databaseUrl JDBC URL of the database (H2 or PostgreSQL)
 * @param apiKeys accepted API keys, each mapped to the account it acts for
 * @param apiKeyGenerated whether no key was configured and {@link #apiKeys} holds one generated key
 * @param simulator whether the simulator's controls are switched on
 * @param whatsAppReviewDelay how long the simulated review of a WhatsApp template takes until it approves it
 * @param secret the server secret that OTP codes are hashed and sealed with; null to use the one in
 *               {@code secretFile} (generated there on first start)
 * @param secretFile the key file that holds the server secret when none is configured, outside the database; also
 *                   where a secret that an older version kept in the database is moved to. Null only with a secret.
 * @param webhooks how webhook events are posted and retried
 * @param limits the limits against abuse
 */
public record ServerConfig(int port, String host, String databaseUrl, Map<String, String> apiKeys,
                           boolean apiKeyGenerated, boolean simulator, Duration whatsAppReviewDelay, String secret,
                           Path secretFile, WebhookSettings webhooks, Duration databaseWait,
                           AbuseLimits limits) {

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

    public static final String ENV_PORT = "TWOFA_PORT";
    public static final String ENV_HOST = "TWOFA_HOST";
    public static final String ENV_DATABASE_URL = "TWOFA_DATABASE_URL";
    public static final String ENV_API_KEYS = "TWOFA_API_KEYS";
    public static final String ENV_SIMULATOR = "TWOFA_SIMULATOR";
    public static final String ENV_WHATSAPP_REVIEW_DELAY = "TWOFA_WHATSAPP_REVIEW_DELAY";
    public static final Duration DEFAULT_WHATSAPP_REVIEW_DELAY = Duration.ofSeconds(2);
    public static final String ENV_SECRET = "TWOFA_SECRET";
    public static final String ENV_SECRET_FILE = "TWOFA_SECRET_FILE";
    public static final String ENV_WEBHOOK_RETRY_BASE = "TWOFA_WEBHOOK_RETRY_BASE";
    public static final String ENV_WEBHOOK_RETRY_MAX = "TWOFA_WEBHOOK_RETRY_MAX";
    public static final String ENV_WEBHOOK_ATTEMPTS = "TWOFA_WEBHOOK_ATTEMPTS";
    public static final String ENV_WEBHOOK_TIMEOUT = "TWOFA_WEBHOOK_TIMEOUT";
    public static final String ENV_DATABASE_WAIT = "TWOFA_DATABASE_WAIT";
    /** How long the start-up waits for a database that cannot be reached yet (one still starting, say). */
    public static final Duration DEFAULT_DATABASE_WAIT = Duration.ofSeconds(30);
    public static final String ENV_SENDS_PER_RECIPIENT = "TWOFA_SENDS_PER_RECIPIENT";
    public static final String ENV_SENDS_PER_ACCOUNT = "TWOFA_SENDS_PER_ACCOUNT";
    public static final String ENV_FAILED_KEYS_PER_ADDRESS = "TWOFA_FAILED_KEYS_PER_ADDRESS";
    /** The shortest secret accepted: 16 characters. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~+/-]{8,256}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");
    /** A host name, an IPv4 address or an IPv6 address (with or without brackets). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");
    private static final Pattern RATE_LIMIT = Pattern.compile("(\\d{1,7})/(.+)");
    /** The most a limit's count may be: a million per window. */
    private static final int MAX_LIMIT_COUNT = 1_000_000;

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
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
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
                DEFAULT_DATABASE_WAIT, AbuseLimits.DEFAULTS);
    }

    /** Thrown for arguments or variables that cannot be understood; the message says which. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The text that {@code --help} prints. */
    public static String usage() {
        return """
                Usage: java -jar twofa-server.jar [options]

                Options (each can also be set by an environment variable; an option wins):
                  --port PORT              TCP port to listen on, 0 for any free port
                                           (default %d, env %s)
                  --host ADDRESS           the address to listen on (default %s: this machine only,
                                           env %s); 0.0.0.0 (or ::) listens on every interface
                  --database JDBC_URL      H2 or PostgreSQL JDBC URL, e.g.
                                           jdbc:postgresql://localhost:5432/twofa?user=twofa&password=secret
                                           (default %s,
                                           env %s)
                  --api-key KEY[=ACCOUNT]  an accepted API key and the account it acts for (default account
                                           "%s"); repeat for more keys (env %s, comma separated).
                                           With none, a key is generated and printed once at start-up.
                  --simulator on|off       the simulator's controls under /simulator (default on, env %s);
                                           each API key sees and moves only its own account's
                                           messages, webhook deliveries and clock
                  --whatsapp-review-delay DURATION
                                           how long the simulated review of a WhatsApp template takes
                                           before it is approved: a number with ms, s or m (seconds when
                                           none), e.g. 500ms (default 2s, env %s)
                  --secret SECRET          at least %d characters that OTP codes are hashed and sealed with
                                           (env %s); without it the key file's secret is used
                  --secret-file PATH       the key file holding the secret when --secret is not given,
                                           generated on first start, readable by its owner only
                                           (default %s, env %s)
                  --webhook-retry-base DURATION
                                           delay before the first retry of a webhook event; it doubles on
                                           each retry (default %s, env %s)
                  --webhook-retry-max DURATION
                                           longest delay between two attempts (default %s, env %s)
                  --webhook-attempts N     attempts before an event is given up (default %d, env %s)
                  --webhook-timeout DURATION
                                           time allowed for one POST (default %s, env %s)
                  --database-wait DURATION how long the start-up waits for a database that cannot be
                                           reached yet (default %s, env %s)

                Limits against abuse: COUNT/DURATION (e.g. 5/10m, with ms, s or m), or off. Over a limit,
                requests are answered 429 with Retry-After.
                  --sends-per-recipient LIMIT
                                           OTPs one account may send to one number in any DURATION
                                           (default %s, env %s; COUNT at most %d)
                  --sends-per-account LIMIT
                                           OTPs one account may send per DURATION, bursts up to COUNT
                                           (default %s, env %s)
                  --failed-keys-per-address LIMIT
                                           requests with an invalid API key one client address may make per
                                           DURATION; beyond, every API request from it is refused until the
                                           DURATION has passed (default %s, env %s)
                  --help                   print this text and exit
                """.formatted(DEFAULT_PORT, ENV_PORT, DEFAULT_HOST, ENV_HOST, DEFAULT_DATABASE_URL, ENV_DATABASE_URL,
                DEFAULT_ACCOUNT, ENV_API_KEYS, ENV_SIMULATOR, ENV_WHATSAPP_REVIEW_DELAY, MIN_SECRET_LENGTH, ENV_SECRET,
                DEFAULT_SECRET_FILE, ENV_SECRET_FILE,
                text(WebhookSettings.DEFAULTS.retryBase()), ENV_WEBHOOK_RETRY_BASE,
                text(WebhookSettings.DEFAULTS.retryMax()), ENV_WEBHOOK_RETRY_MAX,
                WebhookSettings.DEFAULTS.maxAttempts(), ENV_WEBHOOK_ATTEMPTS,
                text(WebhookSettings.DEFAULTS.timeout()), ENV_WEBHOOK_TIMEOUT,
                text(DEFAULT_DATABASE_WAIT), ENV_DATABASE_WAIT,
                AbuseLimits.DEFAULT_SENDS_PER_RECIPIENT.option(), ENV_SENDS_PER_RECIPIENT,
                AbuseLimits.MAX_SENDS_PER_RECIPIENT,
                AbuseLimits.DEFAULT_SENDS_PER_ACCOUNT.option(), ENV_SENDS_PER_ACCOUNT,
                AbuseLimits.DEFAULT_FAILED_KEYS_PER_ADDRESS.option(), ENV_FAILED_KEYS_PER_ADDRESS);
    }

    /** Whether the arguments ask for the usage text. */
    public static boolean helpRequested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the command line and the environment.
     *
     * @param args command-line arguments, {@code --name value} or {@code --name=value}
     * @param env environment variables
     * @param random source of a generated API key when none is configured
     */
    public static ServerConfig parse(String[] args, Map<String, String> env, SecureRandom random)
            throws UsageException {
        Integer port = null;
        String host = null;
        String databaseUrl = null;
        List<String> apiKeyArgs = new ArrayList<>();
        Boolean simulator = null;
        Duration reviewDelay = null;
        String secret = null;
        Path secretFile = null;
        Duration retryBase = null;
        Duration retryMax = null;
        Integer attempts = null;
        Duration timeout = null;
        Duration databaseWait = null;
        Optional<RateLimit> sendsPerRecipient = null;
        Optional<RateLimit> sendsPerAccount = null;
        Optional<RateLimit> failedKeysPerAddress = null;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument: " + arg);
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (name.equals("--help")) {
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("Option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--port" -> port = parsePort(value, "--port");
                case "--host" -> host = parseHost(value, "--host");
                case "--database" -> databaseUrl = parseDatabaseUrl(value, "--database");
                case "--api-key" -> apiKeyArgs.add(value);
                case "--simulator" -> simulator = parseOnOff(value, "--simulator");
                case "--whatsapp-review-delay" -> reviewDelay = parseDuration(value, "--whatsapp-review-delay");
                case "--secret" -> secret = parseSecret(value, "--secret");
                case "--secret-file" -> secretFile = parsePath(value, "--secret-file");
                case "--webhook-retry-base" -> retryBase = parsePositiveDuration(value, "--webhook-retry-base");
                case "--webhook-retry-max" -> retryMax = parsePositiveDuration(value, "--webhook-retry-max");
                case "--webhook-attempts" -> attempts = parseAttempts(value, "--webhook-attempts");
                case "--webhook-timeout" -> timeout = parsePositiveDuration(value, "--webhook-timeout");
                case "--database-wait" -> databaseWait = parseDuration(value, "--database-wait");
                case "--sends-per-recipient" -> sendsPerRecipient = parseSendsPerRecipient(value, "--sends-per-recipient");
                case "--sends-per-account" -> sendsPerAccount = parseRateLimit(value, "--sends-per-account");
                case "--failed-keys-per-address" ->
                        failedKeysPerAddress = parseRateLimit(value, "--failed-keys-per-address");
                default -> throw new UsageException("Unknown option: " + name);
            }
        }

        if (port == null) {
            port = env.containsKey(ENV_PORT) ? parsePort(env.get(ENV_PORT), ENV_PORT) : DEFAULT_PORT;
        }
        if (host == null) {
            host = env.containsKey(ENV_HOST) ? parseHost(env.get(ENV_HOST), ENV_HOST) : DEFAULT_HOST;
        }
        if (databaseUrl == null) {
            databaseUrl = env.containsKey(ENV_DATABASE_URL)
                    ? parseDatabaseUrl(env.get(ENV_DATABASE_URL), ENV_DATABASE_URL)
                    : DEFAULT_DATABASE_URL;
        }
        if (simulator == null) {
            simulator = !env.containsKey(ENV_SIMULATOR) || parseOnOff(env.get(ENV_SIMULATOR), ENV_SIMULATOR);
        }
        if (reviewDelay == null) {
            reviewDelay = env.containsKey(ENV_WHATSAPP_REVIEW_DELAY)
                    ? parseDuration(env.get(ENV_WHATSAPP_REVIEW_DELAY), ENV_WHATSAPP_REVIEW_DELAY)
                    : DEFAULT_WHATSAPP_REVIEW_DELAY;
        }
        if (secret == null && env.containsKey(ENV_SECRET) && !env.get(ENV_SECRET).isBlank()) {
            secret = parseSecret(env.get(ENV_SECRET), ENV_SECRET);
        }
        if (secretFile == null) {
            secretFile = env.containsKey(ENV_SECRET_FILE) && !env.get(ENV_SECRET_FILE).isBlank()
                    ? parsePath(env.get(ENV_SECRET_FILE), ENV_SECRET_FILE) : DEFAULT_SECRET_FILE;
        }
        if (retryBase == null && env.containsKey(ENV_WEBHOOK_RETRY_BASE)) {
            retryBase = parsePositiveDuration(env.get(ENV_WEBHOOK_RETRY_BASE), ENV_WEBHOOK_RETRY_BASE);
        }
        if (retryMax == null && env.containsKey(ENV_WEBHOOK_RETRY_MAX)) {
            retryMax = parsePositiveDuration(env.get(ENV_WEBHOOK_RETRY_MAX), ENV_WEBHOOK_RETRY_MAX);
        }
        if (attempts == null && env.containsKey(ENV_WEBHOOK_ATTEMPTS)) {
            attempts = parseAttempts(env.get(ENV_WEBHOOK_ATTEMPTS), ENV_WEBHOOK_ATTEMPTS);
        }
        if (timeout == null && env.containsKey(ENV_WEBHOOK_TIMEOUT)) {
            timeout = parsePositiveDuration(env.get(ENV_WEBHOOK_TIMEOUT), ENV_WEBHOOK_TIMEOUT);
        }
        WebhookSettings webhooks = webhookSettings(retryBase, retryMax, attempts, timeout);
        if (databaseWait == null) {
            databaseWait = env.containsKey(ENV_DATABASE_WAIT)
                    ? parseDuration(env.get(ENV_DATABASE_WAIT), ENV_DATABASE_WAIT) : DEFAULT_DATABASE_WAIT;
        }
        if (sendsPerRecipient == null) {
            sendsPerRecipient = env.containsKey(ENV_SENDS_PER_RECIPIENT)
                    ? parseSendsPerRecipient(env.get(ENV_SENDS_PER_RECIPIENT), ENV_SENDS_PER_RECIPIENT)
                    : AbuseLimits.DEFAULTS.sendsPerRecipient();
        }
        if (sendsPerAccount == null) {
            sendsPerAccount = env.containsKey(ENV_SENDS_PER_ACCOUNT)
                    ? parseRateLimit(env.get(ENV_SENDS_PER_ACCOUNT), ENV_SENDS_PER_ACCOUNT)
                    : AbuseLimits.DEFAULTS.sendsPerAccount();
        }
        if (failedKeysPerAddress == null) {
            failedKeysPerAddress = env.containsKey(ENV_FAILED_KEYS_PER_ADDRESS)
                    ? parseRateLimit(env.get(ENV_FAILED_KEYS_PER_ADDRESS), ENV_FAILED_KEYS_PER_ADDRESS)
                    : AbuseLimits.DEFAULTS.failedKeysPerAddress();
        }
        AbuseLimits limits = new AbuseLimits(sendsPerRecipient, sendsPerAccount, failedKeysPerAddress);

        Map<String, String> apiKeys = new LinkedHashMap<>();
        if (!apiKeyArgs.isEmpty()) {
            for (String entry : apiKeyArgs) {
                addApiKey(apiKeys, entry, "--api-key");
            }
        } else if (env.containsKey(ENV_API_KEYS) && !env.get(ENV_API_KEYS).isBlank()) {
            for (String entry : env.get(ENV_API_KEYS).split(",")) {
                if (!entry.isBlank()) {
                    addApiKey(apiKeys, entry.trim(), ENV_API_KEYS);
                }
            }
        }
        boolean generated = apiKeys.isEmpty();
        if (generated) {
            apiKeys.put(generateApiKey(random), DEFAULT_ACCOUNT);
        }
        return new ServerConfig(port, host, databaseUrl, apiKeys, generated, simulator, reviewDelay, secret, secretFile,
                webhooks, databaseWait, limits);
    }

    /** A copy whose simulated WhatsApp review takes {@code delay}. */
    public ServerConfig withWhatsAppReviewDelay(Duration delay) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, delay, secret,
                secretFile, webhooks, databaseWait, limits);
    }

    /** A copy that waits {@code wait} at start-up for a database that cannot be reached yet. */
    public ServerConfig withDatabaseWait(Duration wait) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, wait, limits);
    }

    /** A copy with other webhook settings. */
    public ServerConfig withWebhooks(WebhookSettings newWebhooks) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, newWebhooks, databaseWait, limits);
    }

    /** A copy whose secret is the key file's (generated there when missing), as without {@code --secret}. */
    public ServerConfig withSecretFile(Path file) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                null, Objects.requireNonNull(file, "file"), webhooks, databaseWait, limits);
    }

    /** A copy that listens on {@code newHost}. */
    public ServerConfig withHost(String newHost) {
        return new ServerConfig(port, newHost, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, databaseWait, limits);
    }

    /** Whether the server listens on every interface rather than on one address. */
    public boolean listensOnEveryInterface() {
        return host.equals("0.0.0.0") || host.replace("0", "").equals("::");
    }

    /** A copy with other limits against abuse. */
    public ServerConfig withLimits(AbuseLimits newLimits) {
        return new ServerConfig(port, host, databaseUrl, apiKeys, apiKeyGenerated, simulator, whatsAppReviewDelay,
                secret, secretFile, webhooks, databaseWait, newLimits);
    }

    @Override
    public String toString() {
        // never print the keys, the secret or the database's password
        return "ServerConfig[host=" + host + ", port=" + port + ", databaseUrl=" + DatabaseUrls.masked(databaseUrl)
                + ", accounts=" + new java.util.TreeSet<>(apiKeys.values()) + ", apiKeyGenerated=" + apiKeyGenerated
                + ", simulator=" + simulator + ", whatsAppReviewDelay=" + whatsAppReviewDelay
                + ", secret=" + (secret != null ? "configured" : "from the key file " + secretFile.toAbsolutePath())
                + ", webhooks=" + webhooks + ", databaseWait=" + databaseWait
                + ", limits=" + limits + "]";
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

    private static void addApiKey(Map<String, String> apiKeys, String entry, String source) throws UsageException {
        String key = entry;
        String account = DEFAULT_ACCOUNT;
        int equals = entry.indexOf('=');
        if (equals >= 0) {
            key = entry.substring(0, equals);
            account = entry.substring(equals + 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw new UsageException(source + ": an API key is 8 to 256 characters of letters, digits and ._~+/-");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new UsageException(source + ": an account is 1 to 64 characters of letters, digits and ._- (got \""
                    + account + "\")");
        }
        if (apiKeys.containsKey(key)) {
            throw new UsageException(source + ": the same API key is given twice");
        }
        apiKeys.put(key, account);
    }

    private static int parsePort(String value, String source) throws UsageException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + ": a port is a number from 0 to 65535 (got \"" + value + "\")");
    }

    private static String parseDatabaseUrl(String value, String source) throws UsageException {
        String url = value.trim();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new UsageException(source + ": expected a jdbc:h2:... or jdbc:postgresql:... URL (got \""
                    + DatabaseUrls.masked(value) + "\")");
        }
        return url;
    }

    private static String parseHost(String value, String source) throws UsageException {
        String host = value.trim();
        if (!HOST.matcher(host).matches()) {
            throw new UsageException(source + ": expected a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0"
                    + " (got \"" + value + "\")");
        }
        return unbracketed(host);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Path parsePath(String value, String source) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(source + ": expected the path of a file");
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new UsageException(source + ": not a path (got \"" + value + "\")");
        }
    }

    private static Duration parseDuration(String value, String source) throws UsageException {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new UsageException(source + ": expected a number with ms, s or m, e.g. 2s (got \"" + value + "\")");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static WebhookSettings webhookSettings(Duration retryBase, Duration retryMax, Integer attempts,
                                                   Duration timeout) throws UsageException {
        WebhookSettings defaults = WebhookSettings.DEFAULTS;
        Duration base = retryBase != null ? retryBase : defaults.retryBase();
        Duration max = retryMax != null ? retryMax
                : base.compareTo(defaults.retryMax()) > 0 ? base : defaults.retryMax();
        if (max.compareTo(base) < 0) {
            throw new UsageException("--webhook-retry-max must not be shorter than --webhook-retry-base");
        }
        return new WebhookSettings(base, max, attempts != null ? attempts : defaults.maxAttempts(),
                timeout != null ? timeout : defaults.timeout());
    }

    private static Duration parsePositiveDuration(String value, String source) throws UsageException {
        Duration duration = parseDuration(value, source);
        if (duration.isZero()) {
            throw new UsageException(source + ": must be longer than 0 (got \"" + value + "\")");
        }
        return duration;
    }

    /** {@code COUNT/DURATION}, e.g. {@code 5/10m}, or {@code off} (empty). */
    private static Optional<RateLimit> parseRateLimit(String value, String source) throws UsageException {
        String text = value.trim();
        if (text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Matcher matcher = RATE_LIMIT.matcher(text);
        if (matcher.matches()) {
            int count = Integer.parseInt(matcher.group(1));
            Duration window = parseDuration(matcher.group(2), source);
            if (count >= 1 && count <= MAX_LIMIT_COUNT && !window.isZero()) {
                return Optional.of(new RateLimit(count, window));
            }
        }
        throw new UsageException(source + ": expected COUNT/DURATION with COUNT from 1 to " + MAX_LIMIT_COUNT
                + " and DURATION longer than 0, e.g. 5/10m, or off (got \"" + value + "\")");
    }

    private static Optional<RateLimit> parseSendsPerRecipient(String value, String source) throws UsageException {
        Optional<RateLimit> limit = parseRateLimit(value, source);
        if (limit.isPresent() && limit.get().count() > AbuseLimits.MAX_SENDS_PER_RECIPIENT) {
            throw new UsageException(source + ": at most " + AbuseLimits.MAX_SENDS_PER_RECIPIENT
                    + " sends per recipient and window (got \"" + value + "\")");
        }
        return limit;
    }

    private static int parseAttempts(String value, String source) throws UsageException {
        try {
            int attempts = Integer.parseInt(value.trim());
            if (attempts >= 1 && attempts <= 10_000) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + ": expected a whole number from 1 to 10000 (got \"" + value + "\")");
    }

    private static String parseSecret(String value, String source) throws UsageException {
        if (value.length() < MIN_SECRET_LENGTH) {
            throw new UsageException(source + ": a secret has at least " + MIN_SECRET_LENGTH + " characters");
        }
        return value;
    }

    /** A duration as the options spell it: {@code 250ms}, {@code 30s}, {@code 2m}. */
    private static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static boolean parseOnOff(String value, String source) throws UsageException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException(source + ": expected on or off (got \"" + value + "\")");
        };
    }
}
