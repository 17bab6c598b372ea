package io.twofakit.server.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import io.twofakit.server.config.DatabaseUrls;
import net.logstash.logback.mask.ValueMasker;

/**
 * The JSON log format's masking: every string value written (the message, a stack trace, a property) passes
 * through {@link DatabaseUrls#masked}, so no database password reaches a log line in either format.
 */
public final class DatabasePasswordMasker implements ValueMasker {

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof String text) {
            String masked = DatabaseUrls.masked(text);
            return masked.equals(text) ? null : masked;
        }
        return null;
    }
}
