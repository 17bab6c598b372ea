package io.twofakit.server.domain.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The limit on requests with an invalid API key per client address, against guessing keys: an address may
 * present {@code count} invalid keys per {@code window}; once it has, every request from it is refused, a
 * valid key's too, until its window has passed. A window starts with the address's first invalid key and the
 * next one follows it directly (Bucket4j's intervally refilled bucket: all {@code count} attempts come back
 * at once when a window ends).
 *
 * <p>In memory, on real time (never the simulator's clock, which anyone who reaches the server may move),
 * per server. At most {@link #MAX_ADDRESSES} addresses are tracked; an address whose window has passed
 * without a further attempt is forgotten, as its attempts are all back by then anyway.
 */
public final class FailedKeyAttempts {

    /** Addresses tracked at once; beyond that the least recently seen are forgotten. */
    static final long MAX_ADDRESSES = 100_000;

    private final Optional<RateLimit> limit;
    private final ClockTimeMeter time;
    private final Cache<String, Bucket> byAddress;

    /**
     * @param limit invalid keys per address in a window; empty: no limit
     * @param realTime the clock of the windows (real time)
     */
    public FailedKeyAttempts(Optional<RateLimit> limit, Clock realTime) {
        this.limit = limit;
        this.time = new ClockTimeMeter(realTime);
        this.byAddress = Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterAccess(limit.map(RateLimit::window).orElse(Duration.ofMinutes(1)))
                .ticker(time::currentTimeNanos)
                .build();
    }

    /**
     * @throws LimitExceededException when the address has used up its invalid keys of the present window
     */
    public void checkNotBlocked(String address) {
        if (limit.isEmpty()) {
            return;
        }
        Bucket bucket = byAddress.getIfPresent(address);
        if (bucket == null) {
            return;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw new LimitExceededException("Too many requests with an invalid API key from this address"
                    + " (every request from it is refused until the window has passed)", limit.get(),
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Counts one request with an invalid API key from the address. */
    public void recordFailure(String address) {
        if (limit.isEmpty()) {
            return;
        }
        RateLimit rate = limit.get();
        byAddress.get(address, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(rate.count()).refillIntervally(rate.count(), rate.window()))
                .withCustomTimePrecision(time)
                .build())
                .tryConsume(1);
    }
}
