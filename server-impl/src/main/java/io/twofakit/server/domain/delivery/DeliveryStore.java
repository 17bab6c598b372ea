package io.twofakit.server.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable delivery jobs and their events. Jobs are inserted together with their OTP (see
 * {@code OtpStore.insert}); this store hands them to workers and records their progress.
 *
 * <p>A worker works on a job only while it holds the job's lease: {@link #claim} takes a lease with a fresh
 * token, and every later call names the token; a call whose lease was lost (it expired and another worker
 * took the job, or the OTP was deleted) changes nothing and answers false. Each state change is written in
 * one transaction together with its event and the event's webhook deliveries (the outbox), so an event is
 * recorded, and queued for every callback, exactly when the job moves on.
 */
public interface DeliveryStore {

    /** A job with the lease a worker holds on it. */
    record ClaimedJob(DeliveryJob job, UUID lease) {
    }

    /**
     * Leases up to {@code max} jobs that are due at {@code now} and not leased by anyone, for {@code leaseFor}.
     */
    List<ClaimedJob> claim(int max, Instant now, Duration leaseFor);

    /**
     * Records the DISPATCHED event of the step at {@code position} and queues it for {@code callbackIds}.
     *
     * @return false when the lease was lost (nothing is recorded then)
     */
    boolean recordDispatched(UUID otpId, UUID lease, int position, DeliveryEvent event, List<UUID> callbackIds);

    /**
     * Records the outcome event of the step at {@code position}, queues it for {@code callbackIds}, and moves
     * the job on: to the next step, or, when {@code finished}, ends it (the job and its sealed code are removed).
     *
     * @return false when the lease was lost (nothing is recorded then)
     */
    boolean recordOutcome(UUID otpId, UUID lease, int position, DeliveryEvent event, List<UUID> callbackIds,
                          boolean finished);

    /**
     * Ends a job that can never be delivered (its sealed code does not open with this server's secret),
     * recording nothing. @return false when the lease was lost
     */
    boolean abandon(UUID otpId, UUID lease);

    /** Gives the job back, to be claimed again from {@code dueAgain} on (after a failure of the worker). */
    void release(UUID otpId, UUID lease, Instant dueAgain);

    /** The events recorded for an OTP, in order. */
    List<DeliveryEvent> events(String accountId, UUID otpId);
}
