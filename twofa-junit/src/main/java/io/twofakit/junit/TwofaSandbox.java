package io.twofakit.junit;

import io.twofakit.server.InProcessServer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * twofa-kit's server inside a JUnit 5 test, the way WireMock and Testcontainers are used: started on a free port of
 * 127.0.0.1 with a throw-away database in memory, the simulated channels and two accounts.
 *
 * <pre>{@code
 * @RegisterExtension
 * static TwofaSandbox sandbox = TwofaSandbox.create();
 *
 * @Test
 * void signInWithACode() {
 *     // point the application at sandbox.baseUrl() with sandbox.apiKey(), let it send an OTP to +4917612345678
 *     String code = sandbox.handset().lastCodeFor("+4917612345678");
 *     sandbox.clock().advance(Duration.ofMinutes(5));   // the OTP has expired now
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the server serves every test of the class (and of its {@code @Nested} classes), so
 * what one test creates the next one sees; {@link #perTest()} starts a fresh server, with a fresh database, for every
 * test. In an instance field it is always per test. Starting takes about a second once the JVM has started one
 * server (the first start of a JVM takes a few seconds: class loading).
 */
public final class TwofaSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = Logger.getLogger(TwofaSandbox.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private boolean perTest;
    private Duration whatsAppReviewDelay = Duration.ofMillis(100);
    private boolean abuseLimits = true;

    private Running running;
    /** The unique id of the context whose start it was: only its end stops the server. */
    private String startedBy;

    private TwofaSandbox() {
    }

    /** A sandbox with a server per test class (per test in an instance field). */
    public static TwofaSandbox create() {
        return new TwofaSandbox();
    }

    /** A fresh server, with a fresh database, for every test. */
    public TwofaSandbox perTest() {
        this.perTest = true;
        return this;
    }

    /** How long the simulated review of a WhatsApp template takes until it is approved (here 100 ms by default). */
    public TwofaSandbox whatsAppReviewDelay(Duration delay) {
        this.whatsAppReviewDelay = delay;
        return this;
    }

    /** No limits against abuse: no 429 however many OTPs the tests send to one number. */
    public TwofaSandbox withoutAbuseLimits() {
        this.abuseLimits = false;
        return this;
    }

    /** Where the application reaches the server, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return running().server.baseUri().toString();
    }

    /** Where the application reaches the server. */
    public URI baseUri() {
        return running().server.baseUri();
    }

    /** The API key of the sandbox's account (header {@code apiKey}). */
    public String apiKey() {
        return running().apiKey;
    }

    /** The API key of a second account, which sees none of the first's data. */
    public String secondApiKey() {
        return running().secondApiKey;
    }

    /** The phones of the simulated channels, as the first account sees them. */
    public Handset handset() {
        return running().handset;
    }

    /** The phones of the simulated channels, as the account of {@code apiKey} sees them. */
    public Handset handset(String apiKey) {
        return new Handset(new SandboxHttp(baseUri(), apiKey));
    }

    /** The first account's clock. */
    public AccountClock clock() {
        return running().clock;
    }

    /** The clock of the account of {@code apiKey}. */
    public AccountClock clock(String apiKey) {
        return new AccountClock(new SandboxHttp(baseUri(), apiKey));
    }

    /** A webhook receiver for the first account's callbacks, and the server's view of its deliveries. */
    public Webhooks webhooks() {
        return running().webhooks;
    }

    /** How long the server of this sandbox took to start. */
    public Duration startUpTime() {
        return running().startUp;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest && running == null) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (running == null) {
            start(context);
        } else {
            running.webhooks.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    private void start(ExtensionContext context) {
        String apiKey = randomKey();
        String secondApiKey = randomKey();
        long started = System.nanoTime();
        InProcessServer.Builder builder = InProcessServer.withApiKey(apiKey, "sandbox")
                .apiKey(secondApiKey, "sandbox-other")
                .whatsAppReviewDelay(whatsAppReviewDelay);
        if (!abuseLimits) {
            builder.withoutAbuseLimits();
        }
        InProcessServer server = builder.start();
        Duration startUp = Duration.ofNanos(System.nanoTime() - started);
        running = new Running(server, apiKey, secondApiKey, startUp);
        startedBy = context.getUniqueId();
        LOG.info(() -> "twofa sandbox for " + context.getDisplayName() + " started in " + startUp.toMillis()
                + " ms at " + server.baseUri());
    }

    private void stopIfStartedBy(ExtensionContext context) {
        if (running != null && context.getUniqueId().equals(startedBy)) {
            try {
                running.close();
            } finally {
                running = null;
                startedBy = null;
            }
        }
    }

    private Running running() {
        if (running == null) {
            throw new IllegalStateException("The twofa sandbox runs only while a test of its class runs: register it"
                    + " with @RegisterExtension, and use it in (or around) the tests");
        }
        return running;
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "sandbox-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One started server and what the sandbox hands out of it. */
    private static final class Running implements AutoCloseable {
        final InProcessServer server;
        final String apiKey;
        final String secondApiKey;
        final Duration startUp;
        final Handset handset;
        final AccountClock clock;
        final Webhooks webhooks;

        Running(InProcessServer server, String apiKey, String secondApiKey, Duration startUp) {
            this.server = server;
            this.apiKey = apiKey;
            this.secondApiKey = secondApiKey;
            this.startUp = startUp;
            SandboxHttp http = new SandboxHttp(server.baseUri(), apiKey);
            this.handset = new Handset(http);
            this.clock = new AccountClock(http);
            this.webhooks = new Webhooks(http);
        }

        @Override
        public void close() {
            try {
                webhooks.close();
            } finally {
                server.close();
            }
        }
    }
}
