package io.twofakit.server.domain.webhook;

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

    /**
     * 1 s doubling up to 5 minutes, 300 attempts, 5 s per POST: the attempts span a little over 24 hours (as the
     * webhooks of Stripe or GitHub do), and a receiver that comes back after any outage is served within 5 minutes.
     */
    public static final WebhookSettings DEFAULTS =
            new WebhookSettings(Duration.ofSeconds(1), Duration.ofMinutes(5), 300, Duration.ofSeconds(5));

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

    /**
     * How long an event that never gets through is tried: from its first attempt to its last, the delays after
     * every failed attempt but the last (the time the attempts themselves take comes on top).
     */
    public Duration span() {
        Duration span = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            span = span.plus(delayAfter(attempt));
        }
        return span;
    }

    /** The delay after the failed attempt number {@code attempt} (1 for the first): base * 2^(attempt-1), at most max. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
