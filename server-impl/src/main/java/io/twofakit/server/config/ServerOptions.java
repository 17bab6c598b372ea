package io.twofakit.server.config;

import io.twofakit.server.domain.webhook.WebhookSettings;
import io.twofakit.server.domain.limits.RateLimit;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The server's command line: every option declared once, here, with its environment variable ({@link Env}), its
 * default and its help. The option wins over the variable, the variable over the default. {@link #toConfig()} turns
 * what was given into the {@link ServerConfig} the rest of the server uses.
 */
@Command(name = "twofa-server", mixinStandardHelpOptions = true, versionProvider = ServerVersion.class,
        sortOptions = false, usageHelpWidth = 110, synopsisHeading = "Usage: ",
        customSynopsis = {"twofa-server [OPTION...]", "   or: java -jar twofa-server.jar [OPTION...]"},
        description = {"", "The twofa-kit reference server: tyntec's 2FA API v4 with a simulator of the channels.", ""},
        optionListHeading = "Options (each also from the environment variable shown; the option wins):%n",
        footer = {"", "JVM options: in TWOFA_JAVA_OPTS for the launcher twofa-server (after its own -Xmx256m"
                + " -XX:+UseSerialGC), before -jar for java.",
                "DURATION: a number with ms, s or m (seconds when none), e.g. 500ms.",
                "LIMIT: COUNT/DURATION, e.g. 5/10m, or off; over a limit requests are answered 429 with Retry-After.",
                "Exit status: 0 after a normal stop, 2 for options that cannot be understood and for a port or a"
                        + " database in use."})
public final class ServerOptions {

    /** How the generated key is described where a default would be. */
    static final String KEPT_KEY = "one generated key, kept in the key file's folder";

    @Env("TWOFA_PORT")
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            converter = PortNumber.class, description = "TCP port; 0 picks a free one")
    private int port;

    @Env("TWOFA_HOST")
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
            converter = HostAddress.class,
            description = "the address to listen on: this machine only by default; 0.0.0.0 (or ::) for every"
                    + " interface, or one address of the machine")
    private String host;

    @Env("TWOFA_DATABASE_URL")
    @Option(names = "--database", paramLabel = "JDBC_URL", defaultValue = ServerConfig.DEFAULT_DATABASE_URL,
            converter = DatabaseUrl.class,
            description = "H2 or PostgreSQL, e.g. jdbc:postgresql://localhost:5432/twofa?user=twofa&password=secret;"
                    + " the schema is migrated at start-up")
    private String databaseUrl;

    @Env("TWOFA_API_KEYS")
    @Option(names = "--api-key", paramLabel = "KEY[=ACCOUNT]", split = ",", converter = ApiKeyEntry.Converter.class,
            description = "an accepted API key and the account it acts for (account \"" + ServerConfig.DEFAULT_ACCOUNT
                    + "\" when left out); repeat for more keys (comma separated in the variable). Without any, "
                    + KEPT_KEY + " and printed at each start")
    private List<ApiKeyEntry> apiKeys = new ArrayList<>();

    @Env("TWOFA_SIMULATOR")
    @Option(names = "--simulator", paramLabel = "on|off", defaultValue = "on", converter = OnOff.class,
            description = "the simulator's controls under /simulator/... (API key needed; each key sees and moves only"
                    + " its own account's messages, webhook deliveries and clock) and its page /simulator")
    private Switch simulator;

    @Env("TWOFA_WHATSAPP_REVIEW_DELAY")
    @Option(names = "--whatsapp-review-delay", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationValue.class,
            description = "how long the simulated review of a WhatsApp template takes before it is approved")
    private Duration whatsAppReviewDelay;

    @Env("TWOFA_SECRET")
    @Option(names = "--secret", paramLabel = "SECRET", converter = Secret.class,
            description = "at least " + ServerConfig.MIN_SECRET_LENGTH + " characters that OTP codes are hashed and"
                    + " sealed with; without it, the key file's secret")
    private String secret;

    @Env("TWOFA_SECRET_FILE")
    @Option(names = "--secret-file", paramLabel = "PATH", defaultValue = "./data/twofa.secret",
            converter = FilePath.class,
            description = "the key file that holds the secret when --secret is not given: generated on the first"
                    + " start, readable by its owner only; a generated API key is kept beside it")
    private Path secretFile;

    @Env("TWOFA_WEBHOOK_RETRY_BASE")
    @Option(names = "--webhook-retry-base", paramLabel = "DURATION", defaultValue = "1s",
            converter = PositiveDuration.class,
            description = "delay before the first retry of a webhook event; it doubles on each retry")
    private Duration webhookRetryBase;

    @Env("TWOFA_WEBHOOK_RETRY_MAX")
    @Option(names = "--webhook-retry-max", paramLabel = "DURATION", defaultValue = "5m",
            converter = PositiveDuration.class,
            description = "the longest delay between two attempts (raised to --webhook-retry-base when that is"
                    + " longer and this is not given)")
    private Duration webhookRetryMax;

    @Env("TWOFA_WEBHOOK_ATTEMPTS")
    @Option(names = "--webhook-attempts", paramLabel = "N", defaultValue = "300", converter = Attempts.class,
            description = "attempts before an event is given up (kept as failed, and can be delivered again)")
    private int webhookAttempts;

    @Env("TWOFA_WEBHOOK_TIMEOUT")
    @Option(names = "--webhook-timeout", paramLabel = "DURATION", defaultValue = "5s",
            converter = PositiveDuration.class, description = "time allowed for one POST, connecting included")
    private Duration webhookTimeout;

    @Env("TWOFA_DATABASE_WAIT")
    @Option(names = "--database-wait", paramLabel = "DURATION", defaultValue = "30s", converter = DurationValue.class,
            description = "how long the start-up waits for a database that cannot be reached yet")
    private Duration databaseWait;

    @Env("TWOFA_SENDS_PER_RECIPIENT")
    @Option(names = "--sends-per-recipient", paramLabel = "LIMIT", defaultValue = "5/10m",
            converter = SendsPerRecipient.class,
            description = "OTPs one account may send to one number in any window of that length (COUNT at most "
                    + AbuseLimits.MAX_SENDS_PER_RECIPIENT + "; kept in the database)")
    private Limit sendsPerRecipient;

    @Env("TWOFA_SENDS_PER_ACCOUNT")
    @Option(names = "--sends-per-account", paramLabel = "LIMIT", defaultValue = "100/1s", converter = Limit.Converter.class,
            description = "OTPs one account may send per DURATION, in bursts of up to COUNT (in memory, per server)")
    private Limit sendsPerAccount;

    @Env("TWOFA_FAILED_KEYS_PER_ADDRESS")
    @Option(names = "--failed-keys-per-address", paramLabel = "LIMIT", defaultValue = "20/1m",
            converter = Limit.Converter.class,
            description = "requests with an invalid API key one client address may make per DURATION; then every API"
                    + " request from it is refused until the DURATION has passed (in memory, per server)")
    private Limit failedKeysPerAddress;

    @Env("TWOFA_LOG_FORMAT")
    @Option(names = "--log-format", paramLabel = "plain|json", defaultValue = "plain", converter = LogFormats.class,
            description = "log lines as text, or as one JSON object per line")
    private LogFormat logFormat;

    /** The environment variable of each option, by the option's name. */
    private static final Map<String, String> VARIABLES = variables();

    private final Map<String, String> env;
    private final CommandLine commandLine;

    /** Options read from {@code env} where the command line leaves them out. */
    public ServerOptions(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.commandLine = new CommandLine(withVariablesInHelp(CommandSpec.forAnnotatedObject(this)));
        commandLine.setDefaultValueProvider(this::fromEnvironment);
    }

    /**
     * Reads the command line and the environment.
     *
     * @throws ServerConfig.UsageException for anything that cannot be understood; the message says what and where
     */
    public static ServerConfig parse(String[] args, Map<String, String> env) throws ServerConfig.UsageException {
        ServerOptions options = new ServerOptions(env);
        try {
            options.commandLine.parseArgs(args);
            return options.toConfig();
        } catch (ParameterException e) {
            throw new ServerConfig.UsageException(options.explain(e));
        }
    }

    /**
     * Runs the command line as {@code main} does: {@code --help} and {@code --version} print and answer 0; options
     * that cannot be understood print what is wrong to {@code err} and answer 2; otherwise {@code server} runs with
     * the configuration and answers the exit status.
     */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err,
                          ToIntFunction<ServerConfig> server) {
        ServerOptions options = new ServerOptions(env);
        CommandLine commandLine = options.commandLine;
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            Integer helpStatus = CommandLine.executeHelpRequest(parseResult);
            return helpStatus != null ? helpStatus : server.applyAsInt(options.toConfig());
        });
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println(options.explain(e));
            err.println("See 'twofa-server --help' for the options.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        return commandLine.execute(args);
    }

    /** The command's model, for the help and for tests that hold the documentation against it. */
    public CommandSpec spec() {
        return commandLine.getCommandSpec();
    }

    /** The environment variable of an option, e.g. {@code TWOFA_PORT} for {@code --port}; null when it has none. */
    public static String variable(OptionSpec option) {
        return VARIABLES.get(option.longestName());
    }

    /** The configuration given; fails with a {@link ParameterException} for options that contradict each other. */
    ServerConfig toConfig() {
        Duration retryMax = webhookRetryMax;
        if (retryMax.compareTo(webhookRetryBase) < 0) {
            if (given("--webhook-retry-max")) {
                throw new ParameterException(commandLine,
                        "--webhook-retry-max must not be shorter than --webhook-retry-base");
            }
            retryMax = webhookRetryBase;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (ApiKeyEntry entry : apiKeys) {
            if (keys.put(entry.key(), entry.account()) != null) {
                throw new ParameterException(commandLine, "--api-key: the same API key is given twice");
            }
        }
        return new ServerConfig(port, host, databaseUrl, keys, keys.isEmpty(), simulator.on(), whatsAppReviewDelay, secret,
                secretFile, new WebhookSettings(webhookRetryBase, retryMax, webhookAttempts, webhookTimeout),
                databaseWait, new AbuseLimits(sendsPerRecipient.value(), sendsPerAccount.value(),
                        failedKeysPerAddress.value()), logFormat);
    }

    /** Whether the option was given on the command line or in its variable, rather than left to its default. */
    private boolean given(String name) {
        return commandLine.getParseResult().hasMatchedOption(name) || fromEnvironment(spec().findOption(name)) != null;
    }

    /** The value of the option's environment variable; null when it has none, or it is not set or blank. */
    private String fromEnvironment(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || variable(option) == null) {
            return null;
        }
        String value = env.get(variable(option));
        if (value == null || value.isBlank()) {
            return null;
        }
        if (option.splitRegex().isEmpty()) {
            return value;
        }
        // a list: blank entries and the spaces around entries are left out
        String entries = Arrays.stream(value.split(option.splitRegex())).map(String::trim)
                .filter(entry -> !entry.isEmpty()).collect(Collectors.joining(","));
        return entries.isEmpty() ? null : entries;
    }

    /** The message of a usage error, naming the variable when the value came from the environment. */
    String explain(ParameterException e) {
        String message = e.getMessage();
        if (e.getArgSpec() instanceof OptionSpec option && variable(option) != null
                && !commandLine.getParseResult().hasMatchedOption(option)
                && fromEnvironment(option) != null) {
            message += " (from the environment variable " + variable(option) + ")";
        }
        return DatabaseUrls.masked(message);
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Field field : ServerOptions.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            Env env = field.getAnnotation(Env.class);
            if (option != null && env != null) {
                String longest = Arrays.stream(option.names()).reduce((a, b) -> a.length() >= b.length() ? a : b)
                        .orElseThrow();
                variables.put(longest, env.value());
            }
        }
        return Map.copyOf(variables);
    }

    /** The spec with each option's variable and declared default appended to its help. */
    private static CommandSpec withVariablesInHelp(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.forEach(spec::remove);
        for (OptionSpec option : options) {
            String variable = variable(option);
            if (variable == null) {
                spec.addOption(option);
                continue;
            }
            List<String> description = new ArrayList<>(List.of(option.description()));
            String declaredDefault = option.defaultValue();
            description.add("(" + (declaredDefault != null ? "default " + declaredDefault + ", " : "")
                    + "env " + variable + ")");
            spec.addOption(option.toBuilder().description(description.toArray(String[]::new)).build());
        }
        return spec;
    }

    /** {@code KEY[=ACCOUNT]}: an API key and the account it acts for. */
    record ApiKeyEntry(String key, String account) {

        private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~+/-]{8,256}");
        private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

        static final class Converter implements ITypeConverter<ApiKeyEntry> {
            @Override
            public ApiKeyEntry convert(String value) {
                String entry = value.trim();
                int equals = entry.indexOf('=');
                String key = equals >= 0 ? entry.substring(0, equals) : entry;
                String account = equals >= 0 ? entry.substring(equals + 1) : ServerConfig.DEFAULT_ACCOUNT;
                if (!KEY.matcher(key).matches()) {
                    throw new TypeConversionException(
                            "an API key is 8 to 256 characters of letters, digits and ._~+/-");
                }
                if (!ACCOUNT.matcher(account).matches()) {
                    throw new TypeConversionException("an account is 1 to 64 characters of letters, digits and ._-"
                            + " (got \"" + account + "\")");
                }
                return new ApiKeyEntry(key, account);
            }
        }

        @Override
        public String toString() {
            return "ApiKeyEntry[account=" + account + "]"; // never the key
        }
    }

    /** A limit against abuse, or none ({@code off}). */
    record Limit(Optional<RateLimit> value) {

        private static final Pattern COUNT_PER_DURATION = Pattern.compile("(\\d{1,7})/(.+)");
        /** The most a limit's count may be: a million per window. */
        private static final int MAX_COUNT = 1_000_000;

        static class Converter implements ITypeConverter<Limit> {
            @Override
            public Limit convert(String value) {
                String text = value.trim();
                if (text.equalsIgnoreCase("off")) {
                    return new Limit(Optional.empty());
                }
                Matcher matcher = COUNT_PER_DURATION.matcher(text);
                if (matcher.matches()) {
                    int count = Integer.parseInt(matcher.group(1));
                    Duration window = DurationValue.parse(matcher.group(2));
                    if (count >= 1 && count <= MAX_COUNT && !window.isZero()) {
                        return new Limit(Optional.of(new RateLimit(count, window)));
                    }
                }
                throw new TypeConversionException("expected COUNT/DURATION with COUNT from 1 to " + MAX_COUNT
                        + " and DURATION longer than 0, e.g. 5/10m, or off (got \"" + value + "\")");
            }
        }
    }

    static final class SendsPerRecipient extends Limit.Converter {
        @Override
        public Limit convert(String value) {
            Limit limit = super.convert(value);
            if (limit.value().isPresent() && limit.value().get().count() > AbuseLimits.MAX_SENDS_PER_RECIPIENT) {
                throw new TypeConversionException("at most " + AbuseLimits.MAX_SENDS_PER_RECIPIENT
                        + " sends per recipient and window (got \"" + value + "\")");
            }
            return limit;
        }
    }

    static final class PortNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("a port is a number from 0 to 65535 (got \"" + value + "\")");
        }
    }

    static final class HostAddress implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String host = value.trim();
            if (!ServerConfig.HOST.matcher(host).matches()) {
                throw new TypeConversionException("expected a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0"
                        + " (got \"" + value + "\")");
            }
            return ServerConfig.unbracketed(host);
        }
    }

    static final class DatabaseUrl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String url = value.trim();
            if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw new TypeConversionException("expected a jdbc:h2:... or jdbc:postgresql:... URL (got \""
                        + DatabaseUrls.masked(value) + "\")");
            }
            return url;
        }
    }

    /** A setting that is {@code on} or {@code off} (a boolean field would be a flag without a value). */
    record Switch(boolean on) {
    }

    static final class OnOff implements ITypeConverter<Switch> {
        @Override
        public Switch convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "on" -> new Switch(true);
                case "off" -> new Switch(false);
                default -> throw new TypeConversionException("expected on or off (got \"" + value + "\")");
            };
        }
    }

    static class DurationValue implements ITypeConverter<Duration> {

        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            return parse(value);
        }

        static Duration parse(String value) {
            Matcher matcher = DURATION.matcher(value.trim());
            if (!matcher.matches()) {
                throw new TypeConversionException("expected a number with ms, s or m, e.g. 2s (got \"" + value + "\")");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }

    static final class PositiveDuration extends DurationValue {
        @Override
        public Duration convert(String value) {
            Duration duration = parse(value);
            if (duration.isZero()) {
                throw new TypeConversionException("must be longer than 0 (got \"" + value + "\")");
            }
            return duration;
        }
    }

    static final class Attempts implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int attempts = Integer.parseInt(value.trim());
                if (attempts >= 1 && attempts <= 10_000) {
                    return attempts;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a whole number from 1 to 10000 (got \"" + value + "\")");
        }
    }

    static final class Secret implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.length() < ServerConfig.MIN_SECRET_LENGTH) {
                throw new TypeConversionException("a secret has at least " + ServerConfig.MIN_SECRET_LENGTH
                        + " characters");
            }
            return value;
        }
    }

    static final class FilePath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("expected the path of a file");
            }
            try {
                return Path.of(value.trim()).normalize();
            } catch (InvalidPathException e) {
                throw new TypeConversionException("not a path (got \"" + value + "\")");
            }
        }
    }

    static final class LogFormats implements ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "plain" -> LogFormat.PLAIN;
                case "json" -> LogFormat.JSON;
                default -> throw new TypeConversionException("expected plain or json (got \"" + value + "\")");
            };
        }
    }
}
