package io.twofakit.server.config;

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
import java.util.regex.Pattern;

/**
 * Everything the server is started with. Each setting has a default, an environment variable and a
 * command-line option; the option wins over the variable, the variable over the default.
 *
 * @param port TCP port to listen on; 0 picks a free one
 * @param databaseUrl JDBC URL of the database (H2 or PostgreSQL)
 * @param apiKeys accepted API keys, each mapped to the account it acts for
 * @param apiKeyGenerated whether no key was configured and {@link #apiKeys} holds one generated key
 * @param simulator whether the simulator's controls are switched on
 * @param secret the server secret that OTP codes are hashed and sealed with; null to use the one kept in the
 *               database (generated on first start)
 * @param webhooks how webhook events are posted and retried
 */
public record ServerConfig(int port, String databaseUrl, Map<String, String> apiKeys, boolean apiKeyGenerated,
                           boolean simulator, String secret, WebhookSettings webhooks) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATABASE_URL =
            "jdbc:h2:file:./data/twofa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
    /** Account of an API key given without {@code =ACCOUNT}, and of the generated key. */
    public static final String DEFAULT_ACCOUNT = "default";

    public static final String ENV_PORT = "TWOFA_PORT";
    public static final String ENV_DATABASE_URL = "TWOFA_DATABASE_URL";
    public static final String ENV_API_KEYS = "TWOFA_API_KEYS";
    public static final String ENV_SIMULATOR = "TWOFA_SIMULATOR";
    public static final String ENV_SECRET = "TWOFA_SECRET";
    public static final String ENV_WEBHOOK_RETRY_BASE = "TWOFA_WEBHOOK_RETRY_BASE_MS";
    public static final String ENV_WEBHOOK_RETRY_MAX = "TWOFA_WEBHOOK_RETRY_MAX_MS";
    public static final String ENV_WEBHOOK_ATTEMPTS = "TWOFA_WEBHOOK_ATTEMPTS";
    public static final String ENV_WEBHOOK_TIMEOUT = "TWOFA_WEBHOOK_TIMEOUT_MS";
    /** The shortest secret accepted: 16 characters. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~+/-]{8,256}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(apiKeys));
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a secret has at least " + MIN_SECRET_LENGTH + " characters");
        }
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** A configuration with the secret kept in the database and the default webhook settings. */
    public ServerConfig(int port, String databaseUrl, Map<String, String> apiKeys, boolean apiKeyGenerated,
                        boolean simulator) {
        this(port, databaseUrl, apiKeys, apiKeyGenerated, simulator, null, WebhookSettings.DEFAULTS);
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
                  --database JDBC_URL      H2 or PostgreSQL JDBC URL, e.g.
                                           jdbc:postgresql://localhost:5432/twofa?user=twofa&password=secret
                                           (default %s,
                                           env %s)
                  --api-key KEY[=ACCOUNT]  an accepted API key and the account it acts for (default account
                                           "%s"); repeat for more keys (env %s, comma separated).
                                           With none, a key is generated and printed once at start-up.
                  --simulator on|off       the simulator's controls under /simulator (default on, env %s);
                                           switch it off wherever others can reach the server
                  --secret SECRET          at least %d characters that OTP codes are hashed and sealed with
                                           (env %s); without it one is generated on first start and kept
                                           in the database
                  --webhook-retry-base MS  delay before the first retry of a webhook event; it doubles on each
                                           retry (default %d, env %s)
                  --webhook-retry-max MS   longest delay between two attempts (default %d, env %s)
                  --webhook-attempts N     attempts before an event is given up (default %d, env %s)
                  --webhook-timeout MS     time allowed for one POST (default %d, env %s)
                  --help                   print this text and exit
                """.formatted(DEFAULT_PORT, ENV_PORT, DEFAULT_DATABASE_URL, ENV_DATABASE_URL, DEFAULT_ACCOUNT,
                ENV_API_KEYS, ENV_SIMULATOR, MIN_SECRET_LENGTH, ENV_SECRET,
                WebhookSettings.DEFAULTS.retryBase().toMillis(), ENV_WEBHOOK_RETRY_BASE,
                WebhookSettings.DEFAULTS.retryMax().toMillis(), ENV_WEBHOOK_RETRY_MAX,
                WebhookSettings.DEFAULTS.maxAttempts(), ENV_WEBHOOK_ATTEMPTS,
                WebhookSettings.DEFAULTS.timeout().toMillis(), ENV_WEBHOOK_TIMEOUT);
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
        String databaseUrl = null;
        List<String> apiKeyArgs = new ArrayList<>();
        Boolean simulator = null;
        String secret = null;
        Long retryBase = null;
        Long retryMax = null;
        Long attempts = null;
        Long timeout = null;

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
                case "--database" -> databaseUrl = parseDatabaseUrl(value, "--database");
                case "--api-key" -> apiKeyArgs.add(value);
                case "--simulator" -> simulator = parseOnOff(value, "--simulator");
                case "--secret" -> secret = parseSecret(value, "--secret");
                case "--webhook-retry-base" -> retryBase = parsePositive(value, "--webhook-retry-base");
                case "--webhook-retry-max" -> retryMax = parsePositive(value, "--webhook-retry-max");
                case "--webhook-attempts" -> attempts = parsePositive(value, "--webhook-attempts");
                case "--webhook-timeout" -> timeout = parsePositive(value, "--webhook-timeout");
                default -> throw new UsageException("Unknown option: " + name);
            }
        }

        if (port == null) {
            port = env.containsKey(ENV_PORT) ? parsePort(env.get(ENV_PORT), ENV_PORT) : DEFAULT_PORT;
        }
        if (databaseUrl == null) {
            databaseUrl = env.containsKey(ENV_DATABASE_URL)
                    ? parseDatabaseUrl(env.get(ENV_DATABASE_URL), ENV_DATABASE_URL)
                    : DEFAULT_DATABASE_URL;
        }
        if (simulator == null) {
            simulator = !env.containsKey(ENV_SIMULATOR) || parseOnOff(env.get(ENV_SIMULATOR), ENV_SIMULATOR);
        }

        if (secret == null && env.containsKey(ENV_SECRET) && !env.get(ENV_SECRET).isBlank()) {
            secret = parseSecret(env.get(ENV_SECRET), ENV_SECRET);
        }
        WebhookSettings webhooks = webhookSettings(
                retryBase != null ? retryBase : positiveFromEnv(env, ENV_WEBHOOK_RETRY_BASE),
                retryMax != null ? retryMax : positiveFromEnv(env, ENV_WEBHOOK_RETRY_MAX),
                attempts != null ? attempts : positiveFromEnv(env, ENV_WEBHOOK_ATTEMPTS),
                timeout != null ? timeout : positiveFromEnv(env, ENV_WEBHOOK_TIMEOUT));

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
        return new ServerConfig(port, databaseUrl, apiKeys, generated, simulator, secret, webhooks);
    }

    /** A copy listening on another port. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, databaseUrl, apiKeys, apiKeyGenerated, simulator, secret, webhooks);
    }

    /** A copy with other webhook settings. */
    public ServerConfig withWebhooks(WebhookSettings newWebhooks) {
        return new ServerConfig(port, databaseUrl, apiKeys, apiKeyGenerated, simulator, secret, newWebhooks);
    }

    /** A copy with another secret (null: the one kept in the database). */
    public ServerConfig withSecret(String newSecret) {
        return new ServerConfig(port, databaseUrl, apiKeys, apiKeyGenerated, simulator, newSecret, webhooks);
    }

    @Override
    public String toString() {
        // never print the keys themselves
        return "ServerConfig[port=" + port + ", databaseUrl=" + databaseUrl + ", accounts="
                + new java.util.TreeSet<>(apiKeys.values()) + ", apiKeyGenerated=" + apiKeyGenerated
                + ", simulator=" + simulator + ", secret=" + (secret == null ? "kept in the database" : "configured")
                + ", webhooks=" + webhooks + "]";
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
                    + value + "\")");
        }
        return url;
    }

    private static WebhookSettings webhookSettings(Long retryBase, Long retryMax, Long attempts, Long timeout) throws UsageException {
        WebhookSettings defaults = WebhookSettings.DEFAULTS;
        Duration base = retryBase != null ? Duration.ofMillis(retryBase) : defaults.retryBase();
        Duration max = retryMax != null ? Duration.ofMillis(retryMax)
                : base.compareTo(defaults.retryMax()) > 0 ? base : defaults.retryMax();
        if (max.compareTo(base) < 0) {
            throw new UsageException("--webhook-retry-max must not be shorter than --webhook-retry-base");
        }
        if (attempts != null && attempts > 1000) {
            throw new UsageException("--webhook-attempts: at most 1000 (got " + attempts + ")");
        }
        return new WebhookSettings(base, max, attempts != null ? attempts.intValue() : defaults.maxAttempts(),
                timeout != null ? Duration.ofMillis(timeout) : defaults.timeout());
    }

    private static Long positiveFromEnv(Map<String, String> env, String name) throws UsageException {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : parsePositive(value, name);
    }

    private static long parsePositive(String value, String source) throws UsageException {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 1 && number <= 86_400_000L) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + ": expected a whole number from 1 to 86400000 (got \"" + value + "\")");
    }

    private static String parseSecret(String value, String source) throws UsageException {
        if (value.length() < MIN_SECRET_LENGTH) {
            throw new UsageException(source + ": a secret has at least " + MIN_SECRET_LENGTH + " characters");
        }
        return value;
    }

    private static boolean parseOnOff(String value, String source) throws UsageException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException(source + ": expected on or off (got \"" + value + "\")");
        };
    }
}
