package io.twofakit.server.domain.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code count} of something in {@code window}, e.g. 5 sends to one number in 10 minutes.
 *
 * @param count how many are allowed in one window, at least 1
 * @param window the length of the window, at least 1 ms
 */
public record RateLimit(int count, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (count < 1) {
            throw new IllegalArgumentException("a limit allows at least 1, not " + count);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a window lasts at least 1 ms, not " + window);
        }
    }

    /** The limit in words, for error details and the log: {@code 100 per second}, {@code 5 in 10 minutes}. */
    public String describe() {
        long millis = window.toMillis();
        if (millis == 1000) {
            return count + " per second";
        }
        if (millis == 60_000) {
            return count + " per minute";
        }
        if (millis == 3_600_000) {
            return count + " per hour";
        }
        return count + " in " + words(window);
    }

    /** The limit as the options write it: {@code 5/10m}, {@code 100/1s}, {@code 3/1500ms}. */
    public String option() {
        long millis = window.toMillis();
        String duration = millis % 60_000 == 0 ? millis / 60_000 + "m"
                : millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        return count + "/" + duration;
    }

    /** A duration in words: {@code 10 minutes}, {@code 1 second}, {@code 1500 ms}. */
    static String words(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return plural(millis / 60_000, "minute");
        }
        if (millis % 1000 == 0) {
            return plural(millis / 1000, "second");
        }
        return millis + " ms";
    }

    static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
