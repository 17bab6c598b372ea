package io.twofakit.server.config;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Masks database passwords in every log line, whoever wrote it (the server, HikariCP, Flyway, a JDBC driver):
 * wraps the formatter of a handler and passes each formatted line through {@link DatabaseUrls#masked}.
 */
public final class MaskingLogFormatter extends Formatter {

    private final Formatter formatter;

    public MaskingLogFormatter(Formatter formatter) {
        this.formatter = formatter;
    }

    /** Wraps the formatter of every handler of the root logger (once). */
    public static void installOnRootHandlers() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFormatter() instanceof MaskingLogFormatter)) {
                handler.setFormatter(new MaskingLogFormatter(handler.getFormatter()));
            }
        }
    }

    @Override
    public String format(LogRecord record) {
        return DatabaseUrls.masked(formatter.format(record));
    }

    @Override
    public String getHead(Handler handler) {
        return formatter.getHead(handler);
    }

    @Override
    public String getTail(Handler handler) {
        return formatter.getTail(handler);
    }
}
