package io.twofakit.server.http.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofakit.api.model.Channel;
import io.twofakit.api.model.DeliveryStatus;
import io.twofakit.api.model.DeliveryStatusWithError;
import io.twofakit.api.model.Error;
import io.twofakit.server.domain.callback.CallbackRules;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.domain.webhook.WebhookSender;
import io.twofakit.server.http.JsonMapperProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Posts delivery events with {@code java.net.http}: a {@code DeliveryStatus} body, or a
 * {@code DeliveryStatusWithError} for UNDELIVERABLE, with the callback's headers and
 * {@code X-Twofa-Event-Id}. Redirects are not followed; any status but 2xx, a connection error or a timeout
 * counts as a failed attempt.
 */
public final class HttpWebhookSender implements WebhookSender {

    private static final Logger LOG = Logger.getLogger(HttpWebhookSender.class.getName());
    private static final String EVENT_ID_HEADER = CallbackRules.EVENT_ID_HEADER;
    /** Headers the HTTP client sets itself, or that the server sets: a configured value for them is ignored. */
    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "content-type", EVENT_ID_HEADER.toLowerCase(Locale.ROOT));

    private final Duration timeout;
    private final ObjectMapper json = JsonMapperProvider.createObjectMapper();
    /**
     * Built with the first post: building it sets up TLS (the JDK's default SSLContext, its trusted certificates)
     * and starts a thread, which would take a good part of the server's start-up for webhooks it may never post.
     */
    private volatile HttpClient client;

    /** @param timeout for connecting, and again for the whole exchange */
    public HttpWebhookSender(Duration timeout) {
        this.timeout = timeout;
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    @Override
    public Result send(CallbackTarget target, DeliveryEvent event) {
        HttpRequest request;
        try {
            request = request(target, event);
        } catch (IllegalArgumentException e) {
            return new Result(false, "cannot post to " + target.url() + ": " + e.getMessage());
        }
        try {
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status >= 200 && status < 300, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Result(false, "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Result(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted while the server stopped");
        }
    }

    private HttpRequest request(CallbackTarget target, DeliveryEvent event) {
        URI uri = URI.create(target.url());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        for (Map.Entry<String, String> header : target.headers().entrySet()) {
            if (OWN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Callback " + target.id() + ": header " + header.getKey()
                        + " cannot be sent and is left out (" + e.getMessage() + ")");
            }
        }
        return builder
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, event.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body(event)))
                .build();
    }

    /** The event as the contract's {@code DeliveryStatus} or {@code DeliveryStatusWithError}. */
    String body(DeliveryEvent event) {
        Channel channel = Channel.fromValue(event.channel().name());
        OffsetDateTime timestamp = OffsetDateTime.ofInstant(event.occurred(), ZoneOffset.UTC);
        Object body = event.error() == null
                ? DeliveryStatus.builder()
                        .channel(channel)
                        .otpId(event.otpId())
                        .profileId(event.profileId())
                        .status(DeliveryStatus.StatusEnum.fromValue(event.status().name()))
                        .timestamp(timestamp)
                        .build()
                : DeliveryStatusWithError.builder()
                        .channel(channel)
                        .otpId(event.otpId())
                        .profileId(event.profileId())
                        .status(DeliveryStatusWithError.StatusEnum.fromValue(event.status().name()))
                        .timestamp(timestamp)
                        .error(Error.builder().code(event.error().code()).message(event.error().message()).build())
                        .build();
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event " + event.id() + " as JSON", e);
        }
    }
}
