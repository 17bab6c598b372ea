package io.twofakit.server;

import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.ChannelGateway;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryWorker;
import io.twofakit.server.domain.limits.FailedKeyAttempts;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.otp.OtpCodeGenerator;
import io.twofakit.server.domain.otp.OtpService;
import io.twofakit.server.config.SecretKeyFile;
import io.twofakit.server.config.ServerOptions;
import io.twofakit.server.config.ServerVersion;
import io.twofakit.server.http.MetricsResource;
import io.twofakit.server.http.RequestLog;
import io.twofakit.server.http.RouteTemplates;
import io.twofakit.server.logging.Logging;
import io.twofakit.server.metrics.ServerMetrics;
import io.twofakit.server.store.QueueDepths;
import io.twofakit.server.domain.clock.AdjustableAccountClocks;
import io.twofakit.server.domain.clock.InMemoryAccountClocks;
import io.twofakit.server.domain.simulator.Handset;
import io.twofakit.server.domain.simulator.InMemoryHandset;
import io.twofakit.server.domain.simulator.Simulator;
import io.twofakit.server.domain.simulator.SimulatorGateway;
import io.twofakit.server.domain.delivery.CallbackTargets;
import io.twofakit.server.domain.webhook.ConfiguredCallbacks;
import io.twofakit.server.domain.webhook.WebhookDeliveries;
import io.twofakit.server.domain.webhook.WebhookDispatcher;
import io.twofakit.server.http.resources.OtpResource;
import io.twofakit.server.http.resources.PagesResource;
import io.twofakit.server.http.resources.SimulatorResource;
import io.twofakit.server.http.resources.WebhookDeliveriesResource;
import io.twofakit.server.http.webhooks.HttpWebhookSender;
import io.twofakit.server.store.JdbiAccountClocks;
import io.twofakit.server.store.JdbiDeliveryStore;
import io.twofakit.server.store.JdbiHandset;
import io.twofakit.server.store.JdbiOtpStore;
import io.twofakit.server.store.JdbiWebhookStore;
import io.twofakit.server.work.WorkLoop;
import io.twofakit.server.domain.callback.CallbackConfigurationService;
import io.twofakit.server.domain.callback.CallbackConfigurationStore;
import io.twofakit.server.domain.priority.PriorityStore;
import io.twofakit.server.domain.priority.PriorityService;
import io.twofakit.server.domain.profile.ProfileService;
import io.twofakit.server.domain.profile.ProfileStore;
import io.twofakit.server.domain.template.MessageTemplateService;
import io.twofakit.server.domain.template.TemplateCatalog;
import io.twofakit.server.domain.template.TemplateStore;
import io.twofakit.server.domain.whatsapp.WhatsAppConfigurationService;
import io.twofakit.server.domain.whatsapp.WhatsAppReview;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateService;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateStore;
import io.twofakit.server.http.ApiKeyFilter;
import io.twofakit.server.http.HealthResource;
import io.twofakit.server.http.IgnoreH2cUpgrade;
import io.twofakit.server.http.JsonMapperProvider;
import io.twofakit.server.http.MediaTypeHeaders;
import io.twofakit.server.http.OptionsNotOffered;
import io.twofakit.server.http.RequestBodyLimit;
import io.twofakit.server.http.StorableText;
import io.twofakit.server.http.ValidationConfigProvider;
import io.twofakit.server.http.errors.ConstraintViolationExceptionMapper;
import io.twofakit.server.http.errors.DomainExceptionMapper;
import io.twofakit.server.http.errors.HttpCodecRejections;
import io.twofakit.server.http.errors.JsonErrorPages;
import io.twofakit.server.http.errors.RequestEntryGuard;
import io.twofakit.server.http.errors.JsonMappingExceptionMapper;
import io.twofakit.server.http.errors.JsonParseExceptionMapper;
import io.twofakit.server.http.errors.JsonProcessingExceptionMapper;
import io.twofakit.server.http.errors.UnexpectedExceptionMapper;
import io.twofakit.server.http.errors.WebApplicationExceptionMapper;
import io.twofakit.server.http.resources.CallbackConfigurationsResource;
import io.twofakit.server.http.resources.PrioritiesResource;
import io.twofakit.server.http.resources.ProfilesResource;
import io.twofakit.server.store.JdbiCallbackConfigurationStore;
import io.twofakit.server.store.JdbiPriorityStore;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.http.resources.SmsTemplateResource;
import io.twofakit.server.http.resources.TemplateListResource;
import io.twofakit.server.http.resources.ViberTemplateResource;
import io.twofakit.server.http.resources.VoiceTemplateResource;
import io.twofakit.server.http.resources.WhatsAppConfigurationResource;
import io.twofakit.server.http.resources.WhatsAppTemplateResource;
import io.twofakit.server.store.CachedPriorityStore;
import io.twofakit.server.store.CachedProfileStore;
import io.twofakit.server.store.CachedTemplateStore;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.DatabaseUnreachable;
import io.twofakit.server.store.JdbiTemplateStore;
import io.twofakit.server.store.JdbiWhatsAppConfigurationStore;
import io.twofakit.server.store.JdbiWhatsAppTemplateStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;

/**
 * The twofa-kit server: tyntec's 2FA API v4 and twofa-kit's extensions over HTTP.
 *
 * <p>{@link #start(ServerConfig)} builds everything with {@code new}, in reading order: database pool, HTTP
 * infrastructure (JSON, API keys, errors), resources; meanwhile a thread of its own migrates the database.
 * The application (stores, services, background work, resources) is wired in {@link #registerResources}.
 */
public final class TwofaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TwofaServer.class.getName());
    /** Threads that deliver OTPs over the channels, and that post webhook events: never request threads. */
    private static final int DELIVERY_THREADS = 16;
    private static final int WEBHOOK_THREADS = 4;
    /** New delivery jobs that may wait in memory for the delivery threads; more are left in the database. */
    private static final int QUEUE_CAPACITY = 512;
    /** The longest the background work sleeps without being woken: it catches work left by other servers. */
    private static final Duration FALLBACK_POLL = Duration.ofSeconds(2);
    /** How much of a refused body's rest the server reads and drops before it closes the connection. */
    private static final long MAX_REFUSED_BODY_DRAINED = 16 * RequestBodyLimit.MAX_BYTES;
    /** How long stopping waits for running deliveries and webhook attempts. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /**
     * Jersey warns that a resource registered as an instance "does not implement any provider interfaces"
     * when, as here, its {@code @Path} sits on the generated interface; the resource works all the same.
     * Kept in a field so that the logger, and its level, are not garbage-collected.
     */
    private static final Logger JERSEY_PROVIDERS = quiet("org.glassfish.jersey.internal.inject.Providers");

    private final HttpServer http;
    private final Database database;
    private final List<WorkLoop> background;
    private final URI baseUri;
    private final ServerMetrics metrics;

    private TwofaServer(HttpServer http, Database database, List<WorkLoop> background, URI baseUri,
                        ServerMetrics metrics) {
        this.http = http;
        this.database = database;
        this.background = background;
        this.baseUri = baseUri;
        this.metrics = metrics;
    }

    /**
     * Reads the command line ({@code --help} lists it) and runs the server until the process is stopped. Exits with
     * status 2 for options that cannot be understood, and for a port or a database in use.
     */
    public static void main(String[] args) {
        Logging.begin();
        int status = ServerOptions.run(args, System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), TwofaServer::runUntilStopped);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the server and waits until the process is asked to stop; answers the process's exit status. */
    static int runUntilStopped(ServerConfig config) {
        Logging.configure(config.logFormat());
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("twofa-server");
        long begun = System.nanoTime();
        TwofaServer server;
        try {
            server = start(config);
        } catch (StartRefusedException e) {
            log.error("Cannot start: {}", e.getMessage());
            return CommandLineStatus.REFUSED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            log.info("Stopping: no new requests; running ones, deliveries and webhook posts may finish");
            server.stop();
            log.info("Stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
            stopped.countDown();
        }, "twofa-shutdown"));
        log.info("twofa-server is listening on {}{} (version {}, started in {} ms)", server.baseUri(),
                config.listensOnEveryInterface() ? " (and every other interface of this machine)" : "",
                ServerVersion.version(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
        IdleMemory.returnAfter(IdleMemory.AFTER);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Exit statuses of the process besides 0. */
    static final class CommandLineStatus {
        /** The start was refused for a reason the operator can fix at once (a port or a database in use). */
        static final int REFUSED = 2;

        private CommandLineStatus() {
        }
    }

    /**
     * Builds the server from its configuration and starts it; the returned server is accepting requests. Before
     * anything is migrated or generated, it binds the port and makes sure that an embedded database is not in use.
     *
     * @throws StartRefusedException when the port or the database is in use by another process
     */
    public static TwofaServer start(ServerConfig configured) {
        StartChecks.PortReservation port = StartChecks.reservePort(configured.host(), configured.port());
        try {
            return start(configured, port);
        } finally {
            port.release();
        }
    }

    private static TwofaServer start(ServerConfig configured, StartChecks.PortReservation port) {
        // A thread of its own prepares the database: first it makes sure that no other process holds an embedded
        // database, while this one builds what writes nothing (metrics, a pool that connects when first asked);
        // then, with the API keys known, it migrates the database (driver, schema, accounts, server secret) while
        // this one prepares the HTTP side (Jersey's resource model, JSON, validation), which takes about as long.
        // Requests are accepted once both are ready. Nothing touches the database before then.
        ExecutorService databaseStart = Executors.newSingleThreadExecutor(
                runnable -> new Thread(runnable, "twofa-database-start"));
        CompletableFuture<StartChecks.DatabaseHold> free = CompletableFuture.supplyAsync(
                () -> StartChecks.ensureDatabaseFree(configured.databaseUrl()), databaseStart);
        // Jackson's mapper, the first use of a large library, is built beside both
        CompletableFuture<ObjectMapper> json = CompletableFuture.supplyAsync(JsonMapperProvider::createObjectMapper,
                runnable -> new Thread(runnable, "twofa-json-start").start());
        ServerMetrics metrics = new ServerMetrics();
        Database database = Database.connect(configured.databaseUrl());
        List<WorkLoop> background = new ArrayList<>();
        try {
            metrics.bindPool(database.dataSource());
            metrics.bindQueues(new QueueDepths(database));
            // what clients see of the simulator lives where every server on the database sees it alike
            AdjustableAccountClocks clocks = database.exclusive()
                    ? new InMemoryAccountClocks(Clock.systemUTC()) : new JdbiAccountClocks(database, Clock.systemUTC());
            StartChecks.DatabaseHold held = awaitPrepared(free);
            ServerConfig config = withKeptApiKey(configured);
            CompletableFuture<String> secret = CompletableFuture.supplyAsync(() -> {
                try (held) {
                    return prepare(database, config);
                }
            }, databaseStart);

            ResourceConfig app = new ResourceConfig();
            registerInfrastructure(app, config, json.join());
            app.register(new RouteTemplates());
            app.register(new MetricsResource(metrics::scrape));
            background.addAll(registerResources(app, config, database, clocks, secret::join, metrics));

            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
                    URI.create("http://" + uriHost(config.host()) + ":" + config.port() + "/"), app, false);
            configureHttp(http, metrics);
            awaitPrepared(secret);
            port.release();
            http.start();
            background.forEach(WorkLoop::start);
            int boundPort = http.getListener("grizzly").getPort();
            LOG.info(() -> "Listening on " + config.host() + " port " + boundPort + " with " + config);
            return new TwofaServer(http, database, List.copyOf(background), localUri(config, boundPort), metrics);
        } catch (IOException e) {
            free.thenAccept(StartChecks.DatabaseHold::close);
            background.forEach(WorkLoop::close);
            database.close();
            metrics.close();
            throw new UncheckedIOException("Cannot listen on " + configured.host() + " port " + configured.port(), e);
        } catch (RuntimeException e) {
            free.thenAccept(StartChecks.DatabaseHold::close);
            background.forEach(WorkLoop::close);
            database.close();
            metrics.close();
            throw e;
        } finally {
            databaseStart.shutdown();
        }
    }

    /**
     * The configuration with the kept API key when none was configured: read from the file beside the key file, or
     * generated there on the first start (readable by its owner only), so that it keeps working after a restart.
     * It is printed at each start.
     */
    static ServerConfig withKeptApiKey(ServerConfig config) {
        if (!config.apiKeys().isEmpty()) {
            return config;
        }
        SecretKeyFile file = new SecretKeyFile(config.apiKeyFile());
        SecretKeyFile.Loaded kept = file.readOrCreate(() -> ServerConfig.generateSecret(new SecureRandom()));
        LOG.info(() -> "API key of account \"" + ServerConfig.DEFAULT_ACCOUNT + "\": " + kept.secret() + " ("
                + (kept.created() ? "generated now and kept" : "kept") + " in " + file.path()
                + "; configure keys of your own with --api-key)");
        return config.withApiKeys(Map.of(kept.secret(), ServerConfig.DEFAULT_ACCOUNT));
    }

    /**
     * Migrates the database (waiting for it as configured), takes over the work a killed server left on a database
     * of its own, and registers the accounts. A secret that an older version kept in the database is moved to the
     * key file on the way.
     *
     * @return the server secret: the configured one, else the key file's (generated there on the first start)
     */
    private static String prepare(Database database, ServerConfig config) {
        Optional<SecretKeyFile> keyFile = Optional.ofNullable(config.secretFile()).map(SecretKeyFile::new);
        database.migrate(config.databaseWait(), keptSecret -> keyFile.orElseThrow(() -> new IllegalStateException(
                        "The database keeps a server secret of an older version and no key file is configured to move"
                                + " it to")).adoptFromDatabase(keptSecret));
        if (database.exclusive()) {
            database.releaseLeftLeases();
        }
        database.registerAccounts(config.apiKeys().values(), Clock.systemUTC());
        String secret = secret(config, keyFile);
        database.confirmSecret(CodeProtection.checkValue(secret));
        return secret;
    }

    /** The configured secret, else the key file's (generated there on the first start). */
    private static String secret(ServerConfig config, Optional<SecretKeyFile> keyFile) {
        if (config.secret() != null) {
            LOG.info("OTP codes are protected with the configured secret (--secret)");
            return config.secret();
        }
        SecretKeyFile file = keyFile.orElseThrow();
        SecretKeyFile.Loaded loaded = file.readOrCreate(() -> ServerConfig.generateSecret(new SecureRandom()));
        LOG.info(() -> "OTP codes are protected with the secret in the key file " + file.path()
                + (loaded.created() ? " (generated now: keep this file, and a copy in a safe place)" : ""));
        return loaded.secret();
    }

    /** A host as it goes into a URI: an IPv6 address in brackets. */
    private static String uriHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Where clients on this machine reach the server: at its address, or at localhost when it listens on all. */
    private static URI localUri(ServerConfig config, int port) {
        String host = config.listensOnEveryInterface() ? "localhost" : uriHost(config.host());
        return URI.create("http://" + host + ":" + port);
    }

    /** Waits for a step of the database's preparation; rethrows what went wrong there as it was thrown. */
    private static <T> T awaitPrepared(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Settings of the HTTP server itself, below Jersey: whatever it refuses by itself is answered in the API's JSON
     * error shapes (never Grizzly's HTML page with its name, version and a stack trace); request line and headers
     * up to {@link HttpCodecRejections#MAX_HEADER_BYTES}; no file serving. Call before {@link HttpServer#start()}.
     */
    static void configureHttp(HttpServer http) {
        configureHttp(http, new ServerMetrics());
    }

    /** As {@link #configureHttp(HttpServer)}, with the access log and the request metrics into {@code metrics}. */
    static void configureHttp(HttpServer http, ServerMetrics metrics) {
        ServerConfiguration config = http.getServerConfiguration();
        config.getMonitoringConfig().getWebServerConfig().addProbes(new RequestLog(metrics));
        config.getMonitoringConfig().getHttpConfig().addProbes(new IgnoreH2cUpgrade());
        config.setDefaultErrorPageGenerator(new JsonErrorPages());
        config.setSendFileEnabled(false);
        // TRACE goes to Jersey, which answers 405 like any method a path does not offer
        config.setPassTraceRequest(true);
        config.setTraceEnabled(false);
        // The unread rest of a body refused early (413) is read and dropped, so that a client still writing it
        // gets to read the answer (closing under it would reset the connection); beyond 16 MiB the client is
        // taken to be abusive and the connection is closed.
        config.setMaxPayloadRemainderToSkip(MAX_REFUSED_BODY_DRAINED);
        for (NetworkListener listener : http.getListeners()) {
            listener.setMaxHttpHeaderSize(HttpCodecRejections.MAX_HEADER_BYTES);
            listener.getFileCache().setEnabled(false);
            listener.registerAddOn(new HttpCodecRejections());
        }
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(config.getHttpHandlersWithMapping());
        handlers.forEach((handler, mappings) -> {
            config.removeHttpHandler(handler);
            config.addHttpHandler(new RequestEntryGuard(handler), mappings);
        });
    }

    /** JSON, API keys, request limits and the mapping of every exception to the API's error shapes. */
    static void registerInfrastructure(ResourceConfig app, ServerConfig config) {
        registerInfrastructure(app, config, JsonMapperProvider.createObjectMapper());
    }

    /** As {@link #registerInfrastructure(ResourceConfig, ServerConfig)}, with JSON read and written by {@code json}. */
    static void registerInfrastructure(ResourceConfig app, ServerConfig config, ObjectMapper json) {
        // Everything is registered explicitly: no provider joins because it happens to be on the classpath.
        app.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        app.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);

        app.register(JacksonFeature.withoutExceptionMappers());
        app.register(new JsonMapperProvider(json));
        app.register(ValidationFeature.class);
        app.register(ValidationConfigProvider.class);

        // invalid keys are counted on real time: the simulator's clock, which needs no key to move, must not free
        // an address that guesses keys
        app.register(new ApiKeyFilter(config.apiKeys(),
                new FailedKeyAttempts(config.limits().failedKeysPerAddress(), Clock.systemUTC())));
        app.register(new RequestBodyLimit(RequestBodyLimit.MAX_BYTES));
        app.register(new MediaTypeHeaders());
        app.register(new StorableText.ParameterCheck());
        app.register(new OptionsNotOffered());

        app.register(DomainExceptionMapper.class);
        app.register(ConstraintViolationExceptionMapper.class);
        app.register(JsonParseExceptionMapper.class);
        app.register(JsonMappingExceptionMapper.class);
        app.register(JsonProcessingExceptionMapper.class);
        app.register(WebApplicationExceptionMapper.class);
        app.register(new UnexpectedExceptionMapper(DatabaseUnreachable::causes));
    }

    /**
     * The application: every store, service, background worker and resource, built with {@code new} in reading
     * order. Add a resource here: its store from {@code database}, its service, then {@code app.register(resource)}.
     * Expiry, timestamps and the window of sends per recipient run on each account's clock ({@code clocks}, which the
     * simulator moves); retries, leases and the rate of sends per account on real time.
     *
     * @param clocks each account's clock, which the simulator can move forward one account at a time
     * @param secret the server secret, asked for when the first OTP code is hashed or sealed
     * @return the background work (delivery, webhooks), not yet started, in the order to stop it
     */
    static List<WorkLoop> registerResources(ResourceConfig app, ServerConfig config, Database database,
                                            AdjustableAccountClocks clocks, Supplier<String> secret,
                                            ServerMetrics metrics) {
        Clock realTime = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        CodeProtection codes = new CodeProtection(secret, random);

        // stores; what each send looks up by name is kept in memory when no other process writes the database
        ProfileStore profiles = database.exclusive()
                ? new CachedProfileStore(new JdbiProfileStore(database)) : new JdbiProfileStore(database);
        TemplateStore templates = database.exclusive()
                ? new CachedTemplateStore(new JdbiTemplateStore(database)) : new JdbiTemplateStore(database);
        WhatsAppTemplateStore whatsAppTemplateStore = new JdbiWhatsAppTemplateStore(database);
        PriorityStore priorities = database.exclusive()
                ? new CachedPriorityStore(new JdbiPriorityStore(database)) : new JdbiPriorityStore(database);
        CallbackConfigurationStore callbackStore = new JdbiCallbackConfigurationStore(database);
        JdbiDeliveryStore deliveryStore = new JdbiDeliveryStore(database, realTime);
        JdbiWebhookStore webhookStore = new JdbiWebhookStore(database);
        Handset handset = database.exclusive() ? new InMemoryHandset(Handset.DEFAULT_CAPACITY)
                : new JdbiHandset(database, codes, Handset.DEFAULT_CAPACITY);

        // services of the resources that OTPs are sent with
        WhatsAppConfigurationService whatsAppConfigurations =
                new WhatsAppConfigurationService(new JdbiWhatsAppConfigurationStore(database), clocks);
        WhatsAppTemplateService whatsAppTemplates = new WhatsAppTemplateService(whatsAppTemplateStore,
                whatsAppConfigurations, new WhatsAppReview(clocks, config.whatsAppReviewDelay()), clocks, profiles);
        MessageTemplateService messageTemplates = new MessageTemplateService(templates, profiles);
        ProfileService profileService =
                new ProfileService(profiles, templates, whatsAppTemplateStore, whatsAppConfigurations);
        CallbackTargets callbacks = new ConfiguredCallbacks(callbackStore);

        // background work: webhook events posted, OTPs delivered over the channels (the simulator for every one)
        WorkLoop webhooks = new WorkLoop("webhooks", WEBHOOK_THREADS,
                new WebhookDispatcher(webhookStore, callbacks,
                        metrics.webhookSender(new HttpWebhookSender(config.webhooks().timeout())), config.webhooks(),
                        realTime),
                FALLBACK_POLL, config.webhooks().timeout().plus(STOP_GRACE), realTime);
        Optional<Handset> recording = config.simulator() ? Optional.of(handset) : Optional.empty();
        Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            gateways.put(channel, metrics.gateway(new SimulatorGateway(channel, recording, clocks)));
        }
        DeliveryQueue deliveries = new DeliveryQueue(deliveryStore, QUEUE_CAPACITY, realTime, DeliveryWorker.LEASE);
        WorkLoop delivery = new WorkLoop("delivery", DELIVERY_THREADS,
                new DeliveryWorker(deliveryStore, deliveries, gateways, callbacks, codes, clocks, realTime,
                        webhooks::wake),
                FALLBACK_POLL, STOP_GRACE, realTime);
        deliveries.wakeOnEnqueue(delivery::wake);

        OtpService otps = new OtpService(new JdbiOtpStore(database), profiles, priorities, templates,
                whatsAppTemplates::find, new OtpCodeGenerator(random), codes, clocks, deliveries,
                new SendLimits(config.limits().sendsPerRecipient(), config.limits().sendsPerAccount(), realTime));

        // resources
        app.register(new HealthResource(database::reachable));
        app.register(new PagesResource(config.simulator()));
        app.register(new SmsTemplateResource(messageTemplates));
        app.register(new ViberTemplateResource(messageTemplates));
        app.register(new VoiceTemplateResource(messageTemplates));
        app.register(new TemplateListResource(new TemplateCatalog(messageTemplates, whatsAppTemplates)));
        app.register(new WhatsAppConfigurationResource(whatsAppConfigurations));
        app.register(new WhatsAppTemplateResource(whatsAppTemplates));
        app.register(new ProfilesResource(profileService));
        app.register(new PrioritiesResource(new PriorityService(priorities)));
        app.register(new CallbackConfigurationsResource(new CallbackConfigurationService(callbackStore, profiles)));
        app.register(new OtpResource(otps, metrics::validated));
        app.register(new WebhookDeliveriesResource(
                new WebhookDeliveries(webhookStore, callbacks, realTime, webhooks::wake)));
        if (config.simulator()) {
            app.register(new SimulatorResource(new Simulator(handset, clocks, webhookStore, realTime)));
        }
        // stopped in this order: first no new deliveries, then the webhooks of the last ones
        return List.of(delivery, webhooks);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** The port the server listens on (the actual one when started with port 0). */
    public int port() {
        return baseUri.getPort();
    }

    /** Where clients on this machine reach the server, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Stops accepting requests, lets running ones finish (up to 5 s), stops the delivery workers and the
     * webhook dispatcher (letting running attempts finish), and closes the database. Work left pending is
     * picked up by the next server on the same database.
     */
    public void stop() {
        try {
            http.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "HTTP server did not stop cleanly", e);
            http.shutdownNow();
        } finally {
            try {
                background.forEach(WorkLoop::close);
            } finally {
                database.close();
                metrics.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
