package io.twofakit.conformance;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;

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

    /** REST-assured's configuration with this timeout for connecting and for each read. */
    public static RestAssuredConfig restAssured(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(CONNECT_TIMEOUT, millis)
                .setParam(READ_TIMEOUT, millis)
                .setParam(POOL_TIMEOUT, (long) millis));
    }
}
