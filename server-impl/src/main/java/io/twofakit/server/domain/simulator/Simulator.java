package io.twofakit.server.domain.simulator;

import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.clock.AdjustableAccountClocks;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulator's controls, for one account at a time: what the handset received from the account, the account's
 * clock, and the account's recent webhook deliveries. No call sees or changes another account. They are test
 * controls and exist only while the simulator is on.
 */
public final class Simulator {

    /** The farthest one call may move the clock: one year. */
    public static final long MAX_ADVANCE_SECONDS = 366L * 24 * 3600;
    /** The most webhook deliveries {@link #newestWebhooks} answers. */
    public static final int MAX_WEBHOOKS = 100;

    private final Handset handset;
    private final AdjustableAccountClocks clocks;
    private final WebhookStore webhooks;
    private final Clock realTime;

    /** @param realTime the clock no simulator moves: of webhook attempts, and to show how far an account's moved */
    public Simulator(Handset handset, AdjustableAccountClocks clocks, WebhookStore webhooks, Clock realTime) {
        this.handset = handset;
        this.clocks = clocks;
        this.webhooks = webhooks;
        this.realTime = realTime;
    }

    /** The account's messages to {@code to} (all when null or blank), newest last. */
    public List<HandsetMessage> messages(String accountId, String to) {
        return handset.messages(accountId, to == null || to.isBlank() ? null : to);
    }

    /** The account's newest {@value #MAX_WEBHOOKS} webhook deliveries, newest first. */
    public List<WebhookRecord> newestWebhooks(String accountId) {
        return webhooks.recent(accountId, MAX_WEBHOOKS);
    }

    /** Moves the account's clock forward and answers its new time; other accounts keep their time. */
    public Instant advanceClock(String accountId, long seconds) {
        if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
            throw new ValidationFailedException("advanceSeconds",
                    "must be between 0 and " + MAX_ADVANCE_SECONDS);
        }
        return clocks.advance(accountId, Duration.ofSeconds(seconds));
    }

    /** The account's time now. */
    public Instant now(String accountId) {
        return clocks.clockFor(accountId).instant();
    }

    /** The real time now, which the simulator never moves. */
    public Instant realTime() {
        return realTime.instant();
    }
}
