package io.twofakit.server.http;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.glassfish.jersey.server.validation.ValidationConfig;

/** Bean validation messages in English, whatever the JVM's default locale. */
@Provider
public class ValidationConfigProvider implements ContextResolver<ValidationConfig> {

    private final ValidationConfig config;

    public ValidationConfigProvider() {
        MessageInterpolator defaults = Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();
        this.config = new ValidationConfig().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return defaults.interpolate(template, context, Locale.ENGLISH);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return defaults.interpolate(template, context, Locale.ENGLISH);
            }
        });
    }

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return config;
    }
}
