package io.twofakit.server.config;

import io.twofakit.server.domain.webhook.WebhookSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import io.twofakit.server.domain.limits.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static ServerConfig parse(Map<String, String> env, String... args) throws ServerConfig.UsageException {
        return ServerConfig.parse(args, env);
    }

    /** What {@code --help} prints, each run of white space as one space. */
    private static String usage() {
        StringWriter out = new StringWriter();
        int status = ServerOptions.run(new String[] {"--help"}, Map.of(), new PrintWriter(out), new PrintWriter(out),
                config -> 99);
        assertEquals(0, status);
        return out.toString().replaceAll("\\s+", " ");
    }

    @Test
    void defaultsWithoutArgumentsOrEnvironment() throws Exception {
        ServerConfig config = parse(Map.of());
        assertEquals(8080, config.port());
        assertEquals(ServerConfig.DEFAULT_DATABASE_URL, config.databaseUrl());
        assertTrue(config.databaseUrl().startsWith("jdbc:h2:file:./data/"));
        assertTrue(config.simulator());
        assertTrue(config.apiKeyGenerated(), "without a key, the kept one is used");
        assertEquals(Map.of(), config.apiKeys());
        assertEquals(Path.of("data", "twofa.apikey"), config.apiKeyFile(), "beside the key file");
        assertEquals(LogFormat.PLAIN, config.logFormat());
        assertEquals(Duration.ofSeconds(2), config.whatsAppReviewDelay());
        assertEquals("127.0.0.1", config.host(), "closed by default: this machine only");
        assertFalse(config.listensOnEveryInterface());
    }

    @Test
    void theHostIsOpenedOnPurposeOnly() throws Exception {
        assertEquals("0.0.0.0", parse(Map.of(), "--host", "0.0.0.0").host());
        assertTrue(parse(Map.of(), "--host", "0.0.0.0").listensOnEveryInterface());
        assertEquals("::", parse(Map.of(), "--host=[::]").host());
        assertTrue(parse(Map.of(), "--host=[::]").listensOnEveryInterface());
        assertEquals("10.1.2.3", parse(Map.of("TWOFA_HOST", "10.1.2.3")).host());
        assertEquals("localhost", parse(Map.of("TWOFA_HOST", "10.1.2.3"), "--host", "localhost").host());
        assertEquals("::1", parse(Map.of(), "--host", "::1").host());
        assertUsageError("host name or an IP address", "--host", "a b");
        assertUsageError("host name or an IP address", "--host", "");
    }

    @Test
    void theWhatsAppReviewDelayIsANumberWithAUnit() throws Exception {
        assertEquals(Duration.ofMillis(500), parse(Map.of(), "--whatsapp-review-delay", "500ms").whatsAppReviewDelay());
        assertEquals(Duration.ofSeconds(3), parse(Map.of(), "--whatsapp-review-delay=3s").whatsAppReviewDelay());
        assertEquals(Duration.ofSeconds(4), parse(Map.of(), "--whatsapp-review-delay", "4").whatsAppReviewDelay());
        assertEquals(Duration.ofMinutes(1), parse(Map.of("TWOFA_WHATSAPP_REVIEW_DELAY", "1m")).whatsAppReviewDelay());
        assertEquals(Duration.ZERO, parse(Map.of("TWOFA_WHATSAPP_REVIEW_DELAY", "9s"),
                "--whatsapp-review-delay", "0").whatsAppReviewDelay());
        assertUsageError("ms, s or m", "--whatsapp-review-delay", "soon");
        assertUsageError("ms, s or m", "--whatsapp-review-delay", "-1s");
    }

    @Test
    void aCopyWithAnotherReviewDelayKeepsEverythingElse() throws Exception {
        ServerConfig config = parse(Map.of(), "--port", "0", "--whatsapp-review-delay", "7s");
        ServerConfig copy = config.withWhatsAppReviewDelay(Duration.ofMillis(1));
        assertEquals(Duration.ofMillis(1), copy.whatsAppReviewDelay());
        assertEquals(new ServerConfig(config.port(), config.host(), config.databaseUrl(), config.apiKeys(),
                config.apiKeyGenerated(), config.simulator(), Duration.ofMillis(1), config.secret(), config.secretFile(),
                config.webhooks(), config.databaseWait(), config.limits(), config.logFormat()), copy);
    }

    @Test
    void theLogFormatIsPlainOrJson() throws Exception {
        assertEquals(LogFormat.JSON, parse(Map.of(), "--log-format", "json").logFormat());
        assertEquals(LogFormat.JSON, parse(Map.of("TWOFA_LOG_FORMAT", "JSON")).logFormat());
        assertEquals(LogFormat.PLAIN, parse(Map.of("TWOFA_LOG_FORMAT", "json"), "--log-format=plain").logFormat());
        assertUsageError("expected plain or json", "--log-format", "xml");
    }

    @Test
    void optionsInBothSpellings() throws Exception {
        ServerConfig config = parse(Map.of(), "--port", "9090", "--database=jdbc:postgresql://db:5432/twofa",
                "--api-key", "key-aaaa-1=acme", "--api-key=key-bbbb-2", "--simulator", "off");
        assertEquals(9090, config.port());
        assertEquals("jdbc:postgresql://db:5432/twofa", config.databaseUrl());
        assertEquals(Map.of("key-aaaa-1", "acme", "key-bbbb-2", ServerConfig.DEFAULT_ACCOUNT), config.apiKeys());
        assertFalse(config.apiKeyGenerated());
        assertFalse(config.simulator());
    }

    @Test
    void environmentIsUsedWhenNoOptionIsGiven() throws Exception {
        ServerConfig config = parse(Map.of(
                "TWOFA_PORT", "0",
                "TWOFA_DATABASE_URL", "jdbc:h2:mem:x",
                "TWOFA_API_KEYS", "key-one-111=a1, key-two-222=a2,",
                "TWOFA_SIMULATOR", "OFF"));
        assertEquals(0, config.port());
        assertEquals("jdbc:h2:mem:x", config.databaseUrl());
        assertEquals(Map.of("key-one-111", "a1", "key-two-222", "a2"), config.apiKeys());
        assertFalse(config.simulator());
    }

    @Test
    void optionsWinOverEnvironment() throws Exception {
        ServerConfig config = parse(Map.of("TWOFA_PORT", "1234", "TWOFA_API_KEYS", "env-key-123=env"),
                "--port", "4321", "--api-key", "flag-key-123=flag");
        assertEquals(4321, config.port());
        assertEquals(Map.of("flag-key-123", "flag"), config.apiKeys());
    }

    @Test
    void badInputIsAUsageErrorThatSaysWhat() {
        assertUsageError("--port", "--port", "http");
        assertUsageError("--port", "--port", "70000");
        assertUsageError("Missing required parameter for option '--port'", "--port");
        assertUsageError("Unknown options: '--colour'", "--colour", "red");
        assertUsageError("Unknown option: '--bogus'", "--bogus");
        assertUsageError("Unmatched argument", "8080");
        assertUsageError("jdbc:", "--database", "mysql://x");
        assertUsageError("on or off", "--simulator", "maybe");
        assertUsageError("API key", "--api-key", "short");
        assertUsageError("account", "--api-key", "long-enough-key=bad account");
        assertUsageError("twice", "--api-key", "same-key-123", "--api-key", "same-key-123=b");
        ServerConfig.UsageException fromEnvironment = assertThrows(ServerConfig.UsageException.class,
                () -> parse(Map.of("TWOFA_PORT", "x")));
        assertTrue(fromEnvironment.getMessage().contains("--port")
                && fromEnvironment.getMessage().contains("from the environment variable TWOFA_PORT"),
                fromEnvironment.getMessage());
    }

    @Test
    void helpListsEveryOptionWithItsVariableAndDefault() {
        String usage = usage();
        for (String option : new String[] {"--port", "--database", "--api-key", "--simulator",
                "--whatsapp-review-delay", "--help", "--version", "--log-format", "TWOFA_LOG_FORMAT", "TWOFA_PORT", "TWOFA_DATABASE_URL", "TWOFA_API_KEYS",
                "TWOFA_SIMULATOR", "TWOFA_WHATSAPP_REVIEW_DELAY"}) {
            assertTrue(usage.contains(option), option);
        }
        assertTrue(usage.contains("(default 8080, env TWOFA_PORT)"), usage);
    }

    @Test
    void toStringNeverShowsKeys() throws Exception {
        ServerConfig config = parse(Map.of(), "--api-key", "secret-key-123=acme");
        assertFalse(config.toString().contains("secret-key-123"));
        assertTrue(config.toString().contains("acme"));
    }

    @Test
    void withoutASecretTheKeyFilesIsUsedNeverTheDatabase() throws Exception {
        ServerConfig config = parse(Map.of());
        assertNull(config.secret());
        assertEquals(Path.of("data", "twofa.secret"), config.secretFile());
        assertEquals(WebhookSettings.DEFAULTS, config.webhooks());
        assertFalse(config.toString().contains("null"), config.toString());
        assertTrue(config.toString().contains("key file " + Path.of("data", "twofa.secret").toAbsolutePath()),
                config.toString());
    }

    @Test
    void theKeyFileComesFromTheOptionOrTheEnvironment() throws Exception {
        assertEquals(Path.of("/etc/twofa/key"), parse(Map.of("TWOFA_SECRET_FILE", "/var/x"),
                "--secret-file", "/etc/twofa/key").secretFile());
        assertEquals(Path.of("/var/x"), parse(Map.of("TWOFA_SECRET_FILE", "/var/x")).secretFile());
        assertUsageError("path of a file", "--secret-file", " ");
    }

    @Test
    void theDatabasePasswordIsNeverPrinted() throws Exception {
        ServerConfig config = parse(Map.of(), "--database",
                "jdbc:postgresql://db:5432/twofa?user=twofa&password=hunter2-secret&ssl=true");
        assertTrue(config.toString().contains("databaseUrl=jdbc:postgresql://db:5432/twofa?user=twofa&password=***&ssl=true"),
                config.toString());
        assertFalse(config.toString().contains("hunter2"), config.toString());
        ServerConfig.UsageException refused = assertThrows(ServerConfig.UsageException.class,
                () -> parse(Map.of(), "--database", "jdbc:mysql://db/x?password=hunter2-secret"));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void aSecretComesFromTheOptionOrTheEnvironmentAndIsNeverPrinted() throws Exception {
        ServerConfig fromOption = parse(Map.of("TWOFA_SECRET", "environment-secret-123"), "--secret", "option-secret-0123456");
        ServerConfig fromEnvironment = parse(Map.of("TWOFA_SECRET", "environment-secret-123"));

        assertEquals("option-secret-0123456", fromOption.secret());
        assertEquals("environment-secret-123", fromEnvironment.secret());
        assertFalse(fromOption.toString().contains("option-secret"), fromOption.toString());
        assertUsageError("at least 16 characters", "--secret", "short");
    }

    @Test
    void webhookRetriesAreConfiguredWithDurations() throws Exception {
        ServerConfig config = parse(Map.of("TWOFA_WEBHOOK_ATTEMPTS", "4", "TWOFA_WEBHOOK_TIMEOUT", "2s"),
                "--webhook-retry-base", "100ms", "--webhook-retry-max=3s");

        assertEquals(new WebhookSettings(Duration.ofMillis(100), Duration.ofSeconds(3), 4, Duration.ofSeconds(2)),
                config.webhooks());
        assertEquals(Duration.ofMinutes(10), parse(Map.of(), "--webhook-retry-base", "10m").webhooks().retryMax(),
                "a base above the default maximum raises the maximum with it");
        assertUsageError("must not be shorter", "--webhook-retry-base", "5s", "--webhook-retry-max", "1s");
        assertUsageError("longer than 0", "--webhook-timeout", "0");
        assertUsageError("1 to 10000", "--webhook-attempts", "0");
        assertUsageError("ms, s or m", "--webhook-retry-base", "soon");
    }

    @Test
    void theDefaultWebhookScheduleTriesForADayAndServesAReturningReceiverWithinMinutes() {
        WebhookSettings defaults = WebhookSettings.DEFAULTS;

        assertTrue(defaults.span().compareTo(Duration.ofHours(24)) >= 0, defaults.span().toString());
        assertTrue(defaults.span().compareTo(Duration.ofHours(25)) < 0, defaults.span().toString());
        assertEquals(Duration.ofMinutes(5), defaults.retryMax(), "the longest wait between two attempts");
        assertEquals(Duration.ofMinutes(5), defaults.delayAfter(defaults.maxAttempts() - 1));
    }

    @Test
    void theDatabaseWaitAtStartUpIsConfigurable() throws Exception {
        assertEquals(ServerConfig.DEFAULT_DATABASE_WAIT, parse(Map.of()).databaseWait());
        assertEquals(Duration.ofMinutes(2), parse(Map.of("TWOFA_DATABASE_WAIT", "2m")).databaseWait());
        assertEquals(Duration.ZERO, parse(Map.of("TWOFA_DATABASE_WAIT", "2m"), "--database-wait", "0").databaseWait());
        assertUsageError("ms, s or m", "--database-wait", "forever");
    }

    @Test
    void theRetryDelayDoublesUpToTheMaximum() {
        WebhookSettings settings = new WebhookSettings(Duration.ofMillis(250), Duration.ofSeconds(30), 10,
                Duration.ofSeconds(5));
        assertEquals(Duration.ofMillis(250), settings.delayAfter(1));
        assertEquals(Duration.ofMillis(500), settings.delayAfter(2));
        assertEquals(Duration.ofSeconds(16), settings.delayAfter(7));
        assertEquals(Duration.ofSeconds(30), settings.delayAfter(8));
        assertEquals(Duration.ofSeconds(30), settings.delayAfter(1000));
    }

    @Test
    void theUsageNamesTheNewOptions() {
        String usage = usage();
        for (String option : new String[] {"--secret", "--webhook-retry-base", "--webhook-retry-max",
                "--webhook-attempts", "--webhook-timeout", "TWOFA_SECRET", "--host", "TWOFA_HOST", "--secret-file",
                "TWOFA_SECRET_FILE", "--database-wait", "TWOFA_DATABASE_WAIT"}) {
            assertTrue(usage.contains(option), option);
        }
        assertTrue(usage.contains("(default 1s, env TWOFA_WEBHOOK_RETRY_BASE)"), usage);
        assertTrue(usage.contains("(default 300, env TWOFA_WEBHOOK_ATTEMPTS)"), usage);
        assertTrue(usage.contains("(env TWOFA_SECRET)"), usage);
    }

    @Test
    void theLimitsAgainstAbuseHaveDefaults() throws Exception {
        AbuseLimits limits = parse(Map.of()).limits();

        assertEquals(Optional.of(new RateLimit(5, Duration.ofMinutes(10))), limits.sendsPerRecipient());
        assertEquals(Optional.of(new RateLimit(100, Duration.ofSeconds(1))), limits.sendsPerAccount());
        assertEquals(Optional.of(new RateLimit(20, Duration.ofMinutes(1))), limits.failedKeysPerAddress());
        assertEquals(AbuseLimits.DEFAULTS, limits);
        assertTrue(parse(Map.of()).toString().contains(
                "limits=AbuseLimits[sendsPerRecipient=5/10m, sendsPerAccount=100/1s, failedKeysPerAddress=20/1m]"));
    }

    @Test
    void eachLimitComesFromItsOptionOrVariableAndCanBeSwitchedOff() throws Exception {
        ServerConfig config = parse(Map.of("TWOFA_SENDS_PER_RECIPIENT", "3/1m", "TWOFA_SENDS_PER_ACCOUNT", "50/2s",
                        "TWOFA_FAILED_KEYS_PER_ADDRESS", "OFF"),
                "--sends-per-account", "1000/1m", "--failed-keys-per-address=5/500ms");

        assertEquals(new AbuseLimits(Optional.of(new RateLimit(3, Duration.ofMinutes(1))),
                Optional.of(new RateLimit(1000, Duration.ofMinutes(1))),
                Optional.of(new RateLimit(5, Duration.ofMillis(500)))), config.limits());
        assertEquals(AbuseLimits.NONE, parse(Map.of("TWOFA_SENDS_PER_ACCOUNT", "off"), "--sends-per-recipient", "off",
                "--failed-keys-per-address", "off").limits());
        assertEquals(Optional.of(new RateLimit(7, Duration.ofSeconds(30))),
                parse(Map.of(), "--sends-per-recipient", "7/30").limits().sendsPerRecipient(), "seconds without a unit");
    }

    @Test
    void aLimitThatCannotBeUnderstoodIsAUsageError() {
        assertUsageError("COUNT/DURATION", "--sends-per-recipient", "5");
        assertUsageError("COUNT/DURATION", "--sends-per-account", "0/1s");
        assertUsageError("COUNT/DURATION", "--sends-per-account", "10/0s");
        assertUsageError("COUNT/DURATION", "--failed-keys-per-address", "many/1m");
        assertUsageError("ms, s or m", "--failed-keys-per-address", "20/1h");
        assertUsageError("at most 1000 sends per recipient", "--sends-per-recipient", "1001/1m");
        assertThrows(ServerConfig.UsageException.class, () -> parse(Map.of("TWOFA_SENDS_PER_ACCOUNT", "fast")));
    }

    @Test
    void aCopyWithOtherLimitsKeepsEverythingElse() throws Exception {
        ServerConfig config = parse(Map.of(), "--port", "0", "--secret", "a-secret-of-length-16");
        ServerConfig copy = config.withLimits(AbuseLimits.NONE);

        assertEquals(AbuseLimits.NONE, copy.limits());
        assertEquals(config, copy.withLimits(AbuseLimits.DEFAULTS));
    }

    @Test
    void theUsageNamesTheLimits() {
        String usage = usage();
        assertTrue(usage.contains("--sends-per-recipient=LIMIT"), usage);
        assertTrue(usage.contains("(default 5/10m, env TWOFA_SENDS_PER_RECIPIENT)"), usage);
        assertTrue(usage.contains("COUNT at most 1000"), usage);
        assertTrue(usage.contains("(default 100/1s, env TWOFA_SENDS_PER_ACCOUNT)"), usage);
        assertTrue(usage.contains("(default 20/1m, env TWOFA_FAILED_KEYS_PER_ADDRESS)"), usage);
    }

    private static void assertUsageError(String expectedInMessage, String... args) {
        ServerConfig.UsageException e = assertThrows(ServerConfig.UsageException.class, () -> parse(Map.of(), args));
        assertTrue(e.getMessage().contains(expectedInMessage), () -> "message was: " + e.getMessage());
    }
}
