package io.twofakit.server.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.twofakit.server.config.DatabaseUrls;

/**
 * The plain log format: a pattern layout whose every line, stack traces included, passes through
 * {@link DatabaseUrls#masked}, whoever wrote it (the server, HikariCP, Flyway, a JDBC driver).
 */
public final class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return DatabaseUrls.masked(super.doLayout(event));
    }
}
