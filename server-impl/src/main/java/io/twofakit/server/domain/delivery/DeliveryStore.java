package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Durable delivery jobs and their events. A job is inserted in one transaction with its OTP ({@link #insert},
 * through {@link DeliveryQueue#enqueue}); this store hands jobs to workers and records their progress.
 *
 * <p>A worker works on a job only while it holds the job's lease: a job is stored leased to the process that
 * sent the OTP (see {@link DeliveryQueue}), or {@link #claim} takes a lease with a fresh token; every later
 * call names the token; a call whose lease was lost (it expired and another worker took the job, or the OTP
 * was deleted) changes nothing and answers false. Each state change is written in one transaction together
 * with its events and their webhook deliveries (the outbox), so an event is recorded, and queued for every
 * callback, exactly when the job moves on.
 */
public interface DeliveryStore {

    /** A job with the lease a worker holds on it. */
    record ClaimedJob(DeliveryJob job, UUID lease) {
    }

    /**
     * Stores a new job, leased with {@code lease} when given (else for any worker to claim), in one transaction with
     * what {@code together} writes in it first (the OTP the job delivers): both are stored or neither. The whole
     * transaction is run again when the database gives it up for contention with another; an exception of
     * {@code together} ends it with nothing stored.
     */
    void insert(DeliveryJob job, Optional<DeliveryQueue.Lease> lease, Consumer<StoreTransaction> together);

    /**
     * Leases up to {@code max} jobs that are due at {@code now} and not leased by anyone, for {@code leaseFor}.
     */
    List<ClaimedJob> claim(int max, Instant now, Duration leaseFor);

    /**
     * Records one attempt of the step at {@code position}: its {@code dispatched} event and its {@code outcome}
     * event, queues both for {@code callbackIds}, and moves the job on: to the next step, or, when
     * {@code finished}, ends it (the job and its sealed code are removed). Both events are written once the
     * gateway has answered, so a worker that dies during the attempt leaves no half-reported step: the
     * attempt is made again under a new lease.
     *
     * @return false when the lease was lost (nothing is recorded then)
     */
    boolean recordAttempt(UUID otpId, UUID lease, int position, DeliveryEvent dispatched, DeliveryEvent outcome,
                          List<UUID> callbackIds, boolean finished);

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
