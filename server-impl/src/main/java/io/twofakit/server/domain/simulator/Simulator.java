package io.twofakit.server.domain.simulator;

import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulator's controls: what the handset received, the server's clock, and the recent webhook deliveries.
 * They are test controls of a local server and exist only while the simulator is on.
 */
public final class Simulator {

    /** The farthest one call may move the clock: one year. */
    public static final long MAX_ADVANCE_SECONDS = 366L * 24 * 3600;

    private final Handset handset;
    private final AdjustableClock clock;
    private final WebhookStore webhooks;

    public Simulator(Handset handset, AdjustableClock clock, WebhookStore webhooks) {
        this.handset = handset;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** Messages to {@code to} (all when null or blank), newest last. */
    public List<HandsetMessage> messages(String to) {
        return handset.messages(to == null || to.isBlank() ? null : to);
    }

    /** The newest messages, newest first, for the page. */
    public List<HandsetMessage> newestMessages(int limit) {
        return handset.newest(limit);
    }

    /** The newest webhook deliveries, newest first, for the page. */
    public List<WebhookRecord> newestWebhooks(int limit) {
        return webhooks.recent(limit);
    }

    /** Moves the server's clock forward and answers the new time. */
    public Instant advanceClock(long seconds) {
        if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
            throw new ValidationFailedException("advanceSeconds",
                    "must be between 0 and " + MAX_ADVANCE_SECONDS);
        }
        return clock.advance(Duration.ofSeconds(seconds));
    }

    /** The server's time now. */
    public Instant now() {
        return clock.instant();
    }
}
