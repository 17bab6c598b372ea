package io.twofakit.server;

import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.domain.callback.CallbackConfigurationService;
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
import io.twofakit.server.http.RequestBodyLimit;
import io.twofakit.server.http.ValidationConfigProvider;
import io.twofakit.server.http.errors.ConstraintViolationExceptionMapper;
import io.twofakit.server.http.errors.DomainExceptionMapper;
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
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiTemplateStore;
import io.twofakit.server.store.JdbiWhatsAppConfigurationStore;
import io.twofakit.server.store.JdbiWhatsAppTemplateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;

/**
 * The twofa-kit server: tyntec's 2FA API v4 and twofa-kit's extensions over HTTP.
 *
 * <p>{@link #start(ServerConfig)} builds everything with {@code new}, in reading order: database, HTTP
 * infrastructure (JSON, API keys, errors), resources. New resources and the services behind them are
 * added in {@link #registerResources}.
 */
public final class TwofaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TwofaServer.class.getName());
    /**
     * Jersey warns that a resource registered as an instance "does not implement any provider interfaces"
     * when, as here, its {@code @Path} sits on the generated interface; the resource works all the same.
     * Kept in a field so that the logger, and its level, are not garbage-collected.
     */
    private static final Logger JERSEY_PROVIDERS = quiet("org.glassfish.jersey.internal.inject.Providers");

    private final HttpServer http;
    private final Database database;
    private final int port;

    private TwofaServer(HttpServer http, Database database, int port) {
        this.http = http;
        this.database = database;
        this.port = port;
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %3$s - %5$s%6$s%n");
        }
        if (ServerConfig.helpRequested(args)) {
            System.out.print(ServerConfig.usage());
            return;
        }
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, System.getenv(), new SecureRandom());
        } catch (ServerConfig.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(ServerConfig.usage());
            System.exit(2);
            return;
        }
        if (config.apiKeyGenerated()) {
            Map.Entry<String, String> generated = config.apiKeys().entrySet().iterator().next();
            System.out.println("No API key was configured. Generated one for account \"" + generated.getValue()
                    + "\" (shown only now): " + generated.getKey());
        }

        TwofaServer server = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "twofa-shutdown"));
        System.out.println("twofa-server is listening on " + server.baseUri());
        stopped.await();
    }

    /** Builds the server from its configuration and starts it; the returned server is accepting requests. */
    public static TwofaServer start(ServerConfig config) {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.databaseUrl());
        try {
            database.registerAccounts(config.apiKeys().values(), clock);

            ResourceConfig app = new ResourceConfig();
            registerInfrastructure(app, config);
            registerResources(app, config, database, clock);

            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
                    URI.create("http://0.0.0.0:" + config.port() + "/"), app, false);
            configureHttp(http);
            http.start();
            int port = http.getListener("grizzly").getPort();
            LOG.info(() -> "Listening on port " + port + " with " + config);
            return new TwofaServer(http, database, port);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("Cannot listen on port " + config.port(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Settings of the HTTP server itself, below Jersey. */
    static void configureHttp(HttpServer http) {
        http.getServerConfiguration().getMonitoringConfig().getHttpConfig().addProbes(new IgnoreH2cUpgrade());
    }

    /** JSON, API keys, request limits and the mapping of every exception to the API's error shapes. */
    static void registerInfrastructure(ResourceConfig app, ServerConfig config) {
        // Everything is registered explicitly: no provider joins because it happens to be on the classpath.
        app.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        app.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);

        app.register(JacksonFeature.withoutExceptionMappers());
        app.register(JsonMapperProvider.class);
        app.register(ValidationFeature.class);
        app.register(ValidationConfigProvider.class);

        app.register(new ApiKeyFilter(config.apiKeys()));
        app.register(new RequestBodyLimit(RequestBodyLimit.MAX_BYTES));

        app.register(DomainExceptionMapper.class);
        app.register(ConstraintViolationExceptionMapper.class);
        app.register(JsonParseExceptionMapper.class);
        app.register(JsonMappingExceptionMapper.class);
        app.register(JsonProcessingExceptionMapper.class);
        app.register(WebApplicationExceptionMapper.class);
        app.register(UnexpectedExceptionMapper.class);
    }

    /**
     * The resources of the API and the services behind them. Add a resource here: build its service and
     * store with {@code new} from {@code database} and {@code clock}, then {@code app.register(resource)}.
     */
    static void registerResources(ResourceConfig app, ServerConfig config, Database database, Clock clock) {
        app.register(new HealthResource());

        ProfileStore profiles = new JdbiProfileStore(database);
        TemplateStore templateStore = new JdbiTemplateStore(database);
        WhatsAppTemplateStore whatsAppTemplateStore = new JdbiWhatsAppTemplateStore(database);

        WhatsAppConfigurationService whatsAppConfigurations =
                new WhatsAppConfigurationService(new JdbiWhatsAppConfigurationStore(database), clock);
        WhatsAppTemplateService whatsAppTemplates = new WhatsAppTemplateService(whatsAppTemplateStore,
                whatsAppConfigurations, new WhatsAppReview(clock, config.whatsAppReviewDelay()), clock, profiles);
        MessageTemplateService messageTemplates = new MessageTemplateService(templateStore, profiles);
        app.register(new SmsTemplateResource(messageTemplates));
        app.register(new ViberTemplateResource(messageTemplates));
        app.register(new VoiceTemplateResource(messageTemplates));
        app.register(new TemplateListResource(new TemplateCatalog(messageTemplates, whatsAppTemplates)));
        app.register(new WhatsAppConfigurationResource(whatsAppConfigurations));
        app.register(new WhatsAppTemplateResource(whatsAppTemplates));

        app.register(new ProfilesResource(
                new ProfileService(profiles, templateStore, whatsAppTemplateStore, whatsAppConfigurations)));
        app.register(new PrioritiesResource(new PriorityService(new JdbiPriorityStore(database))));
        app.register(new CallbackConfigurationsResource(
                new CallbackConfigurationService(new JdbiCallbackConfigurationStore(database), profiles)));
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** The port the server listens on (the actual one when started with port 0). */
    public int port() {
        return port;
    }

    /** Where clients on this machine reach the server. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Stops accepting requests, lets running ones finish (up to 5 s), and closes the database. */
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
            database.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
