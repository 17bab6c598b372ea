package io.twofakit.junit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An account's clock on the sandbox's server: real time plus however far a test moved it. The account's OTPs expire,
 * and their events and messages are stamped, on this clock; other accounts keep their own time. It never goes back.
 */
public final class AccountClock {

    private final SandboxHttp http;

    AccountClock(SandboxHttp http) {
        this.http = http;
    }

    /** The time on the account's clock now. */
    public OffsetDateTime now() {
        return OffsetDateTime.parse(http.get("/simulator/clock").path("now").asText());
    }

    /**
     * Moves the account's clock forward, e.g. past an OTP's expiry, in whole seconds (a part of a second counts as a
     * whole one), and answers the time after the move.
     */
    public OffsetDateTime advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward: " + duration);
        }
        long seconds = duration.toSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return OffsetDateTime.parse(http.post("/simulator/clock", Map.of("advanceSeconds", seconds)).path("now").asText());
    }
}
