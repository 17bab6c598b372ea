package io.twofakit.server.config;

import io.twofakit.server.domain.limits.RateLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits against abuse; each can be switched off (empty).
 *
 * @param sendsPerRecipient OTPs one account may send to one number in a sliding window (SMS pumping: many sends
 *                          to numbers that earn the attacker a share of the fee)
 * @param sendsPerAccount OTPs one account may send in a window, as a token bucket (a runaway or abused client)
 * @param failedKeysPerAddress requests with an invalid API key one client address may make in a window, after
 *                             which every request from it is refused until the window has passed (guessing keys)
 */
public record AbuseLimits(Optional<RateLimit> sendsPerRecipient, Optional<RateLimit> sendsPerAccount,
                          Optional<RateLimit> failedKeysPerAddress) {

    /** As Twilio Verify does by default: 5 sends to one number in 10 minutes. */
    public static final RateLimit DEFAULT_SENDS_PER_RECIPIENT = new RateLimit(5, Duration.ofMinutes(10));
    /** 100 sends per second and account: far above what one customer's sign-ins need, far below a flood. */
    public static final RateLimit DEFAULT_SENDS_PER_ACCOUNT = new RateLimit(100, Duration.ofSeconds(1));
    /** 20 invalid keys per minute and address: enough for a misconfigured client to notice, useless for guessing. */
    public static final RateLimit DEFAULT_FAILED_KEYS_PER_ADDRESS = new RateLimit(20, Duration.ofMinutes(1));
    /** The most sends per recipient a window may allow: the send times of a window are kept in one row. */
    public static final int MAX_SENDS_PER_RECIPIENT = 1000;

    public static final AbuseLimits DEFAULTS = new AbuseLimits(Optional.of(DEFAULT_SENDS_PER_RECIPIENT),
            Optional.of(DEFAULT_SENDS_PER_ACCOUNT), Optional.of(DEFAULT_FAILED_KEYS_PER_ADDRESS));
    /** Every limit switched off. */
    public static final AbuseLimits NONE = new AbuseLimits(Optional.empty(), Optional.empty(), Optional.empty());

    public AbuseLimits {
        Objects.requireNonNull(sendsPerRecipient, "sendsPerRecipient");
        Objects.requireNonNull(sendsPerAccount, "sendsPerAccount");
        Objects.requireNonNull(failedKeysPerAddress, "failedKeysPerAddress");
        if (sendsPerRecipient.isPresent() && sendsPerRecipient.get().count() > MAX_SENDS_PER_RECIPIENT) {
            throw new IllegalArgumentException("at most " + MAX_SENDS_PER_RECIPIENT + " sends per recipient and window");
        }
    }

    public AbuseLimits withSendsPerRecipient(Optional<RateLimit> limit) {
        return new AbuseLimits(limit, sendsPerAccount, failedKeysPerAddress);
    }

    public AbuseLimits withSendsPerAccount(Optional<RateLimit> limit) {
        return new AbuseLimits(sendsPerRecipient, limit, failedKeysPerAddress);
    }

    public AbuseLimits withFailedKeysPerAddress(Optional<RateLimit> limit) {
        return new AbuseLimits(sendsPerRecipient, sendsPerAccount, limit);
    }

    /** As the options write them. */
    @Override
    public String toString() {
        return "AbuseLimits[sendsPerRecipient=" + option(sendsPerRecipient) + ", sendsPerAccount="
                + option(sendsPerAccount) + ", failedKeysPerAddress=" + option(failedKeysPerAddress) + "]";
    }

    /** A limit as an option writes it: {@code 5/10m}, or {@code off}. */
    static String option(Optional<RateLimit> limit) {
        return limit.map(RateLimit::option).orElse("off");
    }
}
