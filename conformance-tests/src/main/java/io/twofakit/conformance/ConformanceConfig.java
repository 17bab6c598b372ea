package io.twofakit.conformance;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the server under test is and how to call it. Each setting is read from a system property first,
 * then from an environment variable; it is read when asked for (not when the class loads), so that a
 * launcher that starts a server in-process can set the properties before the first scenario runs.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>{@code conformance.baseUrl}</td><td>{@code CONFORMANCE_BASE_URL}</td><td>base URL of the server, e.g. {@code http://localhost:8080}</td></tr>
 *   <tr><td>{@code conformance.apiKey}</td><td>{@code CONFORMANCE_API_KEY}</td><td>an API key the server accepts</td></tr>
 *   <tr><td>{@code conformance.secondApiKey}</td><td>{@code CONFORMANCE_SECOND_API_KEY}</td><td>an API key of another account (optional)</td></tr>
 *   <tr><td>{@code conformance.callbackUrl}</td><td>{@code CONFORMANCE_CALLBACK_URL}</td><td>the URL at which the
 *       server under test reaches the suite's webhook receiver, e.g. {@code http://tester.example:8099}; the
 *       receiver listens on that URL's port on every interface. Without it, the receiver listens on a free
 *       port of 127.0.0.1 and the URL is that local address (enough for a server on the same machine).</td></tr>
 *   <tr><td>{@code conformance.requestTimeout}</td><td>{@code CONFORMANCE_REQUEST_TIMEOUT}</td><td>seconds that one
 *       request may take to connect, and to read each part of its answer (default
 *       {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS}): a target that never answers fails the scenario instead of
 *       stopping the run</td></tr>
 * </table>
 */
public final class ConformanceConfig {

    public static final String BASE_URL_PROPERTY = "conformance.baseUrl";
    public static final String BASE_URL_ENV = "CONFORMANCE_BASE_URL";
    public static final String API_KEY_PROPERTY = "conformance.apiKey";
    public static final String API_KEY_ENV = "CONFORMANCE_API_KEY";
    public static final String SECOND_API_KEY_PROPERTY = "conformance.secondApiKey";
    public static final String SECOND_API_KEY_ENV = "CONFORMANCE_SECOND_API_KEY";
    public static final String CALLBACK_URL_PROPERTY = "conformance.callbackUrl";
    public static final String CALLBACK_URL_ENV = "CONFORMANCE_CALLBACK_URL";
    public static final String REQUEST_TIMEOUT_PROPERTY = "conformance.requestTimeout";
    public static final String REQUEST_TIMEOUT_ENV = "CONFORMANCE_REQUEST_TIMEOUT";
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    /** Reads the JVM's system properties and the process environment. */
    public ConformanceConfig() {
        this(System::getProperty, System::getenv);
    }

    public ConformanceConfig(Function<String, String> systemProperties, Function<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** Base URL of the server under test, without a trailing slash. */
    public String baseUrl() {
        String url = required(BASE_URL_PROPERTY, BASE_URL_ENV, "the base URL of the server under test");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An API key that the server under test accepts. */
    public String apiKey() {
        return required(API_KEY_PROPERTY, API_KEY_ENV, "an API key that the server accepts");
    }

    /** An API key of a second account, if one was given. */
    public Optional<String> secondApiKey() {
        return setting(SECOND_API_KEY_PROPERTY, SECOND_API_KEY_ENV);
    }

    /** Where the server under test reaches the suite's webhook receiver, if given (without a trailing slash). */
    public Optional<String> callbackUrl() {
        return setting(CALLBACK_URL_PROPERTY, CALLBACK_URL_ENV)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** How long one request may take to connect, and to read each part of its answer. */
    public Duration requestTimeout() {
        Optional<String> given = setting(REQUEST_TIMEOUT_PROPERTY, REQUEST_TIMEOUT_ENV);
        if (given.isEmpty()) {
            return Duration.ofSeconds(DEFAULT_REQUEST_TIMEOUT_SECONDS);
        }
        long seconds;
        try {
            seconds = Long.parseLong(given.get());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1) {
            throw new IllegalStateException(REQUEST_TIMEOUT_PROPERTY + " is a whole number of seconds, at least 1: "
                    + given.get());
        }
        return Duration.ofSeconds(seconds);
    }

    /** Whether a base URL was given at all. */
    public boolean hasBaseUrl() {
        return setting(BASE_URL_PROPERTY, BASE_URL_ENV).isPresent();
    }

    private Optional<String> setting(String property, String env) {
        String value = systemProperties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private String required(String property, String env, String what) {
        return setting(property, env).orElseThrow(() -> new IllegalStateException(
                "No " + what + " was given: pass -D" + property + "=... or set the environment variable " + env));
    }
}
