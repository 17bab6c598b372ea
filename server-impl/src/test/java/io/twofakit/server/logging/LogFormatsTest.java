package io.twofakit.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;

/**
 * The jar's {@code logback.xml}, read as the server reads it, in both formats: the property chooses the appender, a
 * line is one line (plain) or one JSON object (json), and no database password reaches either, whoever logged it.
 */
class LogFormatsTest {

    private static final String URL_WITH_PASSWORD = "jdbc:postgresql://twofa:hunter2@db/twofa?password=hunter2";

    /** The jar's configuration, in a context of its own, with the format chosen as {@code main} chooses it. */
    private static OutputStreamAppender<ILoggingEvent> appenderOf(String format) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty(Logging.FORMAT_PROPERTY, format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatsTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender("console");
        assertNotNull(appender, "the root logger writes to the console");
        assertEquals(format, context.getProperty(Logging.APPLIED_PROPERTY));
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream().allMatch(status -> status.getLevel() == 0),
                () -> "the configuration reads without a warning: " + context.getStatusManager().getCopyOfStatusList());
        return appender;
    }

    private static String encode(OutputStreamAppender<ILoggingEvent> appender, ILoggingEvent event) {
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    private static LoggingEvent failedConnection(LoggerContext context) {
        LoggingEvent event = new LoggingEvent(LogFormatsTest.class.getName(), context.getLogger("com.zaxxer.hikari.pool"),
                Level.ERROR, "Cannot connect to {}", new IllegalStateException("url jdbc:h2:file:./x;PASSWORD=hunter2"),
                new Object[] {URL_WITH_PASSWORD});
        return event;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "json"})
    void noDatabasePasswordReachesALineWhoeverLoggedIt(String format) throws JoranException {
        OutputStreamAppender<ILoggingEvent> appender = appenderOf(format);

        String line = encode(appender, failedConnection((LoggerContext) appender.getContext()));

        assertFalse(line.contains("hunter2"), line);
        assertTrue(line.contains("jdbc:postgresql://twofa:***@db/twofa?password=***"), line);
        assertTrue(line.contains("jdbc:h2:file:./x;PASSWORD=***"), line);
    }

    @Test
    void plainLinesAreTextWithTimeLevelLoggerAndMessage() throws JoranException {
        OutputStreamAppender<ILoggingEvent> appender = appenderOf("plain");
        LoggingEvent event = new LoggingEvent(LogFormatsTest.class.getName(),
                ((LoggerContext) appender.getContext()).getLogger("io.twofakit.server.TwofaServer"), Level.INFO,
                "Listening on {}", null, new Object[] {"127.0.0.1 port 8080"});

        String line = encode(appender, event);

        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  TwofaServer"
                + " - Listening on 127.0.0.1 port 8080\\R"), line);
    }

    @Test
    void jsonLinesAreOneObjectEachWithTheAccessLinesPartsAsProperties() throws Exception {
        OutputStreamAppender<ILoggingEvent> appender = appenderOf("json");
        LoggingEvent event = new LoggingEvent(LogFormatsTest.class.getName(),
                ((LoggerContext) appender.getContext()).getLogger("twofa.access"), Level.INFO,
                "GET /2fa/v4/otp 200 3 ms account=acme", null, null);
        event.addKeyValuePair(new KeyValuePair("method", "GET"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("account", "acme"));

        String line = encode(appender, event);

        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("GET /2fa/v4/otp 200 3 ms account=acme", json.get("message").asText());
        assertEquals("INFO", json.get("level").asText());
        assertEquals("twofa.access", json.get("logger_name").asText());
        assertTrue(json.hasNonNull("@timestamp"), line);
        assertEquals("GET", json.get("method").asText());
        assertEquals(200, json.get("status").asInt());
        assertEquals("acme", json.get("account").asText());
    }

    @Test
    void librariesSayOnlyTheirWarnings() throws JoranException {
        LoggerContext context = (LoggerContext) appenderOf("plain").getContext();

        for (String library : new String[] {"org.flywaydb.core", "com.zaxxer.hikari.HikariDataSource",
                "org.hibernate.validator.internal.util.Version", "org.glassfish.grizzly.http.server.HttpServer"}) {
            assertFalse(context.getLogger(library).isInfoEnabled(), library);
            assertTrue(context.getLogger(library).isWarnEnabled(), library);
        }
        assertTrue(context.getLogger("io.twofakit.server.TwofaServer").isInfoEnabled());
        assertTrue(context.getLogger("twofa.access").isInfoEnabled());
    }
}
