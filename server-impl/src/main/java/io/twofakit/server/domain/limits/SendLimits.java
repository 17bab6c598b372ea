package io.twofakit.server.domain.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The limits on sending OTPs, against SMS pumping and toll fraud: how many OTPs an account may send to one
 * number in a window, and how many it may send per second (or other window) in all.
 *
 * <p><b>Per recipient</b>: at most {@code count} sends of one account to one number in any {@code window}
 * (a sliding window). The sends on record are kept by the OTP store, in the database, so the limit holds
 * across restarts and across servers sharing one database, and deleting an OTP does not give its send
 * back. Its time is the server's clock, the one OTP expiry follows: moving the simulator's clock forward
 * moves sends out of the window. A send refused for any reason is not counted.
 *
 * <p><b>Per account</b>: a token bucket per account in memory, of {@code count} tokens refilled evenly over
 * {@code window} on real time: short bursts up to {@code count} pass, the sustained rate is
 * {@code count / window}. Each server counts on its own. Every send the server looks at takes a token,
 * whatever becomes of it afterwards.
 */
public final class SendLimits {

    private final Optional<RateLimit> perRecipient;
    private final Optional<RateLimit> perAccount;
    private final ClockTimeMeter realTime;
    private final ConcurrentMap<String, Bucket> accountBuckets = new ConcurrentHashMap<>();

    /**
     * @param perRecipient sends of one account to one number in a window; empty: no limit
     * @param perAccount sends of one account in a window; empty: no limit
     * @param realTime the clock of the per-account buckets (real time, not the simulator's)
     */
    public SendLimits(Optional<RateLimit> perRecipient, Optional<RateLimit> perAccount, Clock realTime) {
        this.perRecipient = perRecipient;
        this.perAccount = perAccount;
        this.realTime = new ClockTimeMeter(realTime);
    }

    /** No limits at all. */
    public static SendLimits none() {
        return new SendLimits(Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    /**
     * Counts one send of the account against its rate.
     *
     * @throws LimitExceededException when the account has used up its rate; retry once a token is back
     */
    public void countAccountSend(String accountId) {
        if (perAccount.isEmpty()) {
            return;
        }
        RateLimit limit = perAccount.get();
        Bucket bucket = accountBuckets.computeIfAbsent(accountId, account -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.count()).refillGreedy(limit.count(), limit.window()))
                .withCustomTimePrecision(realTime)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new LimitExceededException("Too many OTPs sent by the account", limit,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * The decision about one more send to {@code to}, made at {@code now} (the server's clock), for the OTP
     * store to apply to the recipient's record.
     */
    public RecipientAdmission recipient(String to, Instant now) {
        if (perRecipient.isEmpty()) {
            return RecipientAdmission.UNLIMITED;
        }
        RateLimit limit = perRecipient.get();
        return recorded -> admit(limit, to, recorded, now);
    }

    /**
     * The sliding window: sends on record within {@code (now - window, now]} count. A send on record later than
     * {@code now} counts as made {@code now} while it is at most one window ahead (another server on the same
     * database whose clock is a little ahead recorded it), so no wait is longer than the window; further ahead
     * it is dropped (the simulator's clock was moved forward, then the server restarted at real time).
     *
     * @return the send times to keep: the newest {@code count - 1} in the window, then {@code now}
     */
    static List<Instant> admit(RateLimit limit, String to, List<Instant> recorded, Instant now) {
        Instant windowStart = now.minus(limit.window());
        Instant windowAhead = now.plus(limit.window());
        List<Instant> inWindow = new ArrayList<>();
        for (Instant sent : recorded) {
            if (sent.isAfter(windowAhead)) {
                continue;
            }
            Instant counted = sent.isAfter(now) ? now : sent;
            if (counted.isAfter(windowStart)) {
                inWindow.add(counted);
            }
        }
        inWindow.sort(null);
        if (inWindow.size() >= limit.count()) {
            // the send that has to leave the window before another one fits
            Instant leaving = inWindow.get(inWindow.size() - limit.count());
            throw new LimitExceededException("Too many OTPs sent to " + to, limit,
                    Duration.between(now, leaving.plus(limit.window())));
        }
        List<Instant> kept = new ArrayList<>(inWindow.subList(Math.max(0, inWindow.size() - (limit.count() - 1)),
                inWindow.size()));
        kept.add(now);
        return kept;
    }
}
