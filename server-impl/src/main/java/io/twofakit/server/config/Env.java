package io.twofakit.server.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variable that gives an option of {@link ServerOptions} when the command line does not: declared
 * beside the option, read by {@link ServerOptions.EnvironmentDefaults} and shown in the help.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Env {

    /** The variable's name, e.g. {@code TWOFA_PORT}. */
    String value();
}
