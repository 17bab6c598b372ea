package io.twofakit.server.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable outbox of webhook deliveries: one row per event and callback, written in the transaction that
 * records the event (see {@code DeliveryStore}). The dispatcher claims rows with a lease, as the delivery
 * workers claim jobs; a call with a lost lease changes nothing.
 */
public interface WebhookStore {

    /**
     * Leases up to {@code max} pending rows that are due at {@code now}, not leased, and first in line: no
     * earlier event of the same OTP to the same callback is still pending.
     */
    List<PendingWebhook> claim(int max, Instant now, Duration leaseFor);

    /** The earliest time after {@code now} at which a pending row becomes due, if any. */
    Optional<Instant> nextDue(Instant now);

    /** The callback acknowledged the event. */
    void delivered(UUID id, UUID lease, int attempts, Instant at);

    /** An attempt failed; try again from {@code nextAttempt} on. */
    void retryLater(UUID id, UUID lease, int attempts, Instant nextAttempt, String error, Instant at);

    /** Gives the row up for good: it stays as FAILED. */
    void giveUp(UUID id, UUID lease, int attempts, String error, Instant at);

    /** The newest rows of the account's events, newest first, for the simulator. */
    List<WebhookRecord> recent(String accountId, int limit);
}
