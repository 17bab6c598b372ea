package io.twofakit.conformance.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/**
 * What is checked before a run: that the target answers at all, and does not refuse the API keys given. A run
 * against a target that cannot be reached, or with a key it refuses, would fail every scenario for one reason
 * that is better said once.
 */
final class TargetCheck {

    /** An operation of tyntec's API that every implementation offers and that changes nothing. */
    static final String PROBE_PATH = "/2fa/v4/templates";

    private final HttpClient http;
    private final Duration timeout;

    TargetCheck(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Why a run against {@code baseUrl} with this key cannot tell anything, if it cannot.
     *
     * @param option the option that gave the key, to name in the answer
     */
    Optional<String> problem(URI baseUrl, String apiKey, String option) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + PROBE_PATH))
                .timeout(timeout)
                .header("apiKey", apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401) {
                return Optional.of("The target " + baseUrl + " refuses the API key given with " + option
                        + " (GET " + PROBE_PATH + " answered 401)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The target " + baseUrl + " cannot be reached: " + reason(e));
        } catch (IllegalArgumentException e) {
            return Optional.of("The target " + baseUrl + " cannot be reached: unknown host or bad address ("
                    + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Interrupted while reaching " + baseUrl);
        }
    }

    private String reason(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + timeout.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException || cause instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException || cause instanceof UnknownHostException
                || cause instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
    }
}
