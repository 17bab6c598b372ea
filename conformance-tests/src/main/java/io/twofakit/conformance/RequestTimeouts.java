package io.twofakit.conformance;

import io.restassured.config.HttpClientConfig;
import io.restassured.filter.Filter;
import io.restassured.config.RestAssuredConfig;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * The timeouts of every request the suite sends through REST-assured: connecting, waiting for a connection of the
 * pool, and each read of the answer. Without them a target that accepts a request and never answers (Prism does so
 * for a malformed JSON body) stops the whole run; with them that scenario fails, saying so.
 */
public final class RequestTimeouts {

    /** Apache HttpClient's parameters, as REST-assured hands them on. */
    static final String CONNECT_TIMEOUT = "http.connection.timeout";
    static final String READ_TIMEOUT = "http.socket.timeout";
    static final String POOL_TIMEOUT = "http.conn-manager.timeout";

    private RequestTimeouts() {
    }

    /** REST-assured's configuration with the configured timeout for connecting and reading. */
    public static RestAssuredConfig restAssured(ConformanceConfig config) {
        return restAssured(config.requestTimeout());
    }

    /**
     * A filter (put it first) that tells a request that ran out of time as such: {@code no answer to POST /2fa/v4/otp
     * within 30 s}, instead of the socket's "Read timed out".
     */
    public static Filter explained(Duration timeout) {
        return (request, response, context) -> {
            try {
                return context.next(request, response);
            } catch (RuntimeException e) {
                throw timedOut(e, request.getMethod() + " " + request.getURI(), timeout);
            } catch (Exception e) {
                // Groovy lets REST-assured throw checked exceptions such as SocketTimeoutException undeclared
                throw timedOut(e, request.getMethod() + " " + request.getURI(), timeout);
            }
        };
    }

    private static RuntimeException timedOut(Exception e, String request, Duration timeout) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            return new RequestTimedOut("No answer to " + request + " within " + timeout.toSeconds()
                    + " s (the request timeout)", e);
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    /** A request that the target did not answer in time. */
    public static final class RequestTimedOut extends RuntimeException {
        RequestTimedOut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** REST-assured's configuration with this timeout for connecting and for each read. */
    public static RestAssuredConfig restAssured(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(CONNECT_TIMEOUT, millis)
                .setParam(READ_TIMEOUT, millis)
                .setParam(POOL_TIMEOUT, (long) millis));
    }
}
