package io.twofakit.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.twofakit.server.domain.delivery.ChannelGateway;
import io.twofakit.server.domain.delivery.DeliveryOutcome;
import io.twofakit.server.domain.otp.ValidationOutcome;
import io.twofakit.server.domain.webhook.WebhookSender;
import io.twofakit.server.domain.webhook.WebhookState;
import io.twofakit.server.store.QueueDepths;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The server's metrics, for Prometheus at {@code /metrics}. The domain knows nothing of them: they are counted at
 * its edges, by decorating the interfaces it calls (the channel gateways, the webhook sender), from what the
 * resources answer, and by store queries when scraped (queue depths). No metric carries an account or a number.
 */
public final class ServerMetrics implements AutoCloseable {

    /** Every request the HTTP server answered: method, route template, status, outcome; a latency histogram. */
    public static final String HTTP_REQUESTS = "http.server.requests";
    public static final String OTP_MESSAGES = "twofa.otp.messages";
    public static final String OTP_FALLBACKS = "twofa.otp.fallbacks";
    public static final String OTP_VALIDATIONS = "twofa.otp.validations";
    public static final String WEBHOOK_ATTEMPTS = "twofa.webhook.attempts";
    public static final String WEBHOOK_QUEUE = "twofa.webhook.queue";
    public static final String WEBHOOK_FAILED = "twofa.webhook.failed";
    public static final String DELIVERY_QUEUE = "twofa.delivery.queue";

    /** The latency histogram's buckets, in nanoseconds: 5 ms to 10 s. */
    private static final double[] LATENCY_BUCKETS = java.util.stream.LongStream.of(5, 10, 25, 50, 100, 250, 500, 1000,
            2500, 5000, 10_000).mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public ServerMetrics() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_REQUESTS)) {
                    return config;
                }
                // a dozen buckets per series, not the 70 of Micrometer's percentile histogram: series multiply
                // with routes, methods and statuses
                return DistributionStatisticConfig.builder().serviceLevelObjectives(LATENCY_BUCKETS)
                        .build().merge(config);
            }
        });
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every metric in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The connection pool's metrics (HikariCP reports them itself); call before the pool's first connection. */
    public void bindPool(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.setMetricRegistry(registry);
        }
    }

    /** Gauges of the work waiting in the database, counted at each scrape. */
    public void bindQueues(QueueDepths queues) {
        gauge(WEBHOOK_QUEUE, "Webhook events not yet acknowledged by their callback",
                () -> queues.webhookDeliveries(WebhookState.PENDING));
        gauge(WEBHOOK_FAILED, "Webhook events given up (listed at GET /webhooks/deliveries, can be delivered again)",
                () -> queues.webhookDeliveries(WebhookState.FAILED));
        gauge(DELIVERY_QUEUE, "OTPs whose delivery over the channels is not finished", queues::deliveryJobs);
    }

    private void gauge(String name, String description, Supplier<OptionalLong> count) {
        Gauge.builder(name, () -> {
            OptionalLong value = count.get();
            return value.isPresent() ? value.getAsLong() : Double.NaN;
        }).description(description).register(registry);
    }

    /** The gateway, counting each message it carries by channel and outcome, and each fallback to a backup channel. */
    public ChannelGateway gateway(ChannelGateway gateway) {
        return message -> {
            DeliveryOutcome outcome = gateway.deliver(message);
            String channel = message.channel().name();
            Counter.builder(OTP_MESSAGES).description("Messages handed to a channel, by channel and outcome")
                    .tag("channel", channel).tag("outcome", outcome.status().name()).register(registry).increment();
            if (message.attempt() > 0) {
                Counter.builder(OTP_FALLBACKS).description("Messages sent on a backup channel after the ones before"
                        + " failed, by the backup channel").tag("channel", channel).register(registry).increment();
            }
            return outcome;
        };
    }

    /** The sender, counting each attempt by outcome: acknowledged (2xx), refused (another status), unreachable. */
    public WebhookSender webhookSender(WebhookSender sender) {
        return (target, event) -> {
            WebhookSender.Result result = sender.send(target, event);
            String outcome = result.acknowledged() ? "acknowledged"
                    : result.description().startsWith("HTTP ") ? "refused" : "unreachable";
            Counter.builder(WEBHOOK_ATTEMPTS).description("Attempts to post a webhook event, by outcome")
                    .tag("outcome", outcome).register(registry).increment();
            return result;
        };
    }

    /** Counts one validation of a code by its result. */
    public void validated(ValidationOutcome outcome) {
        Counter.builder(OTP_VALIDATIONS).description("Validations of OTP codes, by result")
                .tag("result", outcome.name()).register(registry).increment();
    }

    /** Records one request the HTTP server answered. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder(HTTP_REQUESTS).description("Requests the HTTP server answered")
                .tag("method", method).tag("uri", route).tag("status", Integer.toString(status))
                .tag("outcome", outcome(status)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
