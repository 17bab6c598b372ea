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

    /**
     * The account's rows, newest first, at most {@code limit}.
     *
     * @param state only rows in this state, when given
     * @param callbackId only rows to this callback, when given
     */
    List<WebhookRecord> list(String accountId, Optional<WebhookState> state, Optional<UUID> callbackId, int limit);

    /** The account's row with this id; empty for another account's. */
    Optional<WebhookRecord> find(String accountId, UUID id);

    /**
     * Puts the account's FAILED row {@code id} back in line, with the FAILED rows of earlier events of the same OTP
     * to the same callback: PENDING, no attempts made, due at {@code now}.
     *
     * @return how many rows were put back (0 when the row is not FAILED, or not the account's)
     */
    int redeliver(String accountId, UUID id, Instant now);

    /** Puts every FAILED row of the account to {@code callbackId} back in line, as {@link #redeliver} does. */
    int redeliverFailed(String accountId, UUID callbackId, Instant now);
}
