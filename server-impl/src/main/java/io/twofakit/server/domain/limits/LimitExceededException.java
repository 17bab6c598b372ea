package io.twofakit.server.domain.limits;

import io.twofakit.server.domain.TwofaException;
import java.time.Duration;
import java.util.Objects;

/**
 * A request refused because a limit against abuse was reached: too many sends to one number, too many sends of
 * an account, too many invalid API keys from one address. It says which limit, and how long to wait before
 * the same request can succeed.
 */
public class LimitExceededException extends TwofaException {

    private final String detail;
    private final Duration retryAfter;

    /**
     * @param what what was too much, e.g. {@code Too many OTPs sent to +4917012345678}
     * @param limit the limit that was reached
     * @param retryAfter how long until the same request can succeed (rounded up to whole seconds, at least 1)
     */
    public LimitExceededException(String what, RateLimit limit, Duration retryAfter) {
        this(what + ": at most " + limit.describe() + ". Retry after "
                + RateLimit.plural(wholeSeconds(retryAfter), "second") + ".", retryAfter);
    }

    private LimitExceededException(String detail, Duration retryAfter) {
        super(detail);
        this.detail = detail;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** What happened and when to retry, in words. */
    public String detail() {
        return detail;
    }

    /** Whole seconds to wait before retrying: the wait rounded up, at least 1. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    private static long wholeSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
