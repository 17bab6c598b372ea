package io.twofakit.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the webhook dispatcher posts delivery events and retries them.
 *
 * @param retryBase delay before the first retry; each further retry waits twice as long as the one before
 * @param retryMax the longest delay between two attempts
 * @param maxAttempts attempts of one event to one callback before it is given up and kept as failed
 * @param timeout how long one POST (connecting included) may take before it counts as failed
 */
public record WebhookSettings(Duration retryBase, Duration retryMax, int maxAttempts, Duration timeout) {

    /** 250 ms doubling up to 30 s, 10 attempts (about 90 s in all), 5 s per POST. */
    public static final WebhookSettings DEFAULTS =
            new WebhookSettings(Duration.ofMillis(250), Duration.ofSeconds(30), 10, Duration.ofSeconds(5));

    public WebhookSettings {
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(timeout, "timeout");
        if (retryBase.isNegative() || retryBase.isZero()) {
            throw new IllegalArgumentException("retryBase must be positive");
        }
        if (retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("retryMax must not be shorter than retryBase");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The delay after the failed attempt number {@code attempt} (1 for the first): base * 2^(attempt-1), at most max. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
