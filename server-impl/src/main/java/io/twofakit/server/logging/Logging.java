package io.twofakit.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.twofakit.server.config.LogFormat;
import java.net.URL;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The server's logging: Logback, configured by {@code logback.xml} in the jar, writing plain lines or JSON lines to
 * standard output. What Jersey, Grizzly and the server's own classes log through {@code java.util.logging} comes
 * over the SLF4J bridge. An operator's own configuration ({@code -Dlogback.configurationFile=...}) is left alone.
 */
public final class Logging {

    /** The system property that {@code logback.xml} reads to choose its appender: {@code plain} or {@code json}. */
    public static final String FORMAT_PROPERTY = "twofa.log.format";
    /** The context property that the included format file sets: the format Logback was configured with. */
    static final String APPLIED_PROPERTY = "twofa.log.format.applied";
    private static final String OWN_CONFIGURATION = "logback.configurationFile";

    /** Logback's set-up begun by {@link #begin()}, if it was. */
    private static volatile CompletableFuture<?> begun;

    private Logging() {
    }

    /**
     * Begins Logback's set-up (reading {@code logback.xml}, which takes a good part of the server's start-up) on a
     * thread of its own, in the default format, while the caller reads the command line; {@link #configure} waits for
     * it, and reads the configuration again only when another format was asked for.
     */
    public static void begin() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                done.complete(null);
            }
        }, "twofa-logging-start");
        thread.setDaemon(true);
        begun = done;
        thread.start();
    }

    /** Routes {@code java.util.logging} to Logback and writes every line in {@code format}. Call before logging. */
    public static void configure(LogFormat format) {
        CompletableFuture<?> started = begun;
        if (started != null) {
            started.join();
        }
        String name = format.name().toLowerCase(Locale.ROOT);
        System.setProperty(FORMAT_PROPERTY, name);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (System.getProperty(OWN_CONFIGURATION) != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (!name.equals(context.getProperty(APPLIED_PROPERTY))) {
            // Logback was set up before the format was known: read the configuration again with it
            reconfigure(context);
        }
    }

    private static void reconfigure(LoggerContext context) {
        URL configuration = Logging.class.getResource("/logback.xml");
        if (configuration == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml in the jar cannot be read", e);
        }
    }
}
