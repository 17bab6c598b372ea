package io.twofakit.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The generated client's {@link ApiClient} for one server and API key: every request carries the key in the header
 * {@code apiKey} (the generator's {@code native} library leaves authentication to the caller), and has a timeout.
 * Hand-written; everything else in this module is generated from {@code spec/openapi.yaml} at build time.
 *
 * <pre>{@code
 * ApiClient client = TwofaApi.client("https://api.tyntec.com", apiKey);
 * UUID otpId = new OtpApi(client).sendOtp(new NewOTPRequest().to("+4917612345678").profileName("login")).getId();
 * }</pre>
 */
public final class TwofaApi {

    /** How long a request may take to connect, and to be answered. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TwofaApi() {
    }

    /** A client of the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}) that sends {@code apiKey}. */
    public static ApiClient client(String baseUrl, String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        ApiClient client = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1),
                ApiClient.createDefaultObjectMapper(), Objects.requireNonNull(baseUrl, "baseUrl"));
        client.setConnectTimeout(TIMEOUT);
        client.setReadTimeout(TIMEOUT);
        client.setRequestInterceptor(request -> request.header("apiKey", apiKey));
        return client;
    }
}
