package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.delivery.DeliveryStore.ClaimedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * New delivery jobs passed from the OTP service straight to the delivery workers of the same process.
 *
 * <p>A job is stored already leased to this process ({@link #reserve}), so the workers need not find and
 * claim it in the store: sending an OTP costs no claim queries. The lease keeps the job durable: should the
 * process die before the job ends, the lease runs out and any server on the database claims it from the
 * store. At most {@code capacity} jobs wait here; beyond that a job is stored unleased and the workers are
 * told to look in the store ({@link #storedUnleased}). A job whose lease ran out while it waited is dropped
 * here and claimed from the store instead, so no job is worked on under a lease that another worker may hold.
 */
public final class DeliveryHandOff {

    /** The lease a job is stored with: its token, and until when this process holds it. */
    public record Lease(UUID token, Instant until) {
    }

    /** One permit per job that may still wait here: taken by {@link #reserve}, given back when the job leaves. */
    private final Semaphore freePlaces;
    private final Clock realClock;
    private final Duration leaseFor;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** Whether jobs may wait in the store unleased, for the workers to claim there at their next poll. */
    private final AtomicBoolean jobsMayWaitInStore = new AtomicBoolean();

    private record Waiting(ClaimedJob claimed, Instant leaseUntil) {
    }

    /**
     * @param capacity the most jobs that wait here at once
     * @param realClock real time, for leases
     * @param leaseFor how long a job stays leased to this process
     */
    public DeliveryHandOff(int capacity, Clock realClock, Duration leaseFor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.freePlaces = new Semaphore(capacity);
        this.realClock = realClock;
        this.leaseFor = leaseFor;
    }

    /**
     * A place for one job about to be stored, and the lease to store it with; empty when the hand-off is full
     * (store the job without a lease then, and call {@link #storedUnleased}). Every lease given out is followed
     * by either {@link #handOver} or {@link #cancel}.
     */
    public Optional<Lease> reserve() {
        if (!freePlaces.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Lease(UUID.randomUUID(), realClock.instant().plus(leaseFor)));
    }

    /** The job is stored with {@code lease}: the workers take it from here. */
    public void handOver(DeliveryJob job, Lease lease) {
        waiting.add(new Waiting(new ClaimedJob(job, lease.token()), lease.until()));
    }

    /** Storing the job failed: its place is free again. */
    public void cancel(Lease lease) {
        freePlaces.release();
    }

    /** A job was stored without a lease: the workers have to claim it from the store. */
    public void storedUnleased() {
        lookInStoreNext();
    }

    /** Tells the workers' next poll to look in the store. */
    void lookInStoreNext() {
        jobsMayWaitInStore.set(true);
    }

    /** Takes up to {@code max} waiting jobs whose lease still holds, oldest first. */
    List<ClaimedJob> take(int max) {
        List<ClaimedJob> taken = new ArrayList<>();
        Instant now = realClock.instant();
        Waiting next;
        while (taken.size() < max && (next = waiting.poll()) != null) {
            freePlaces.release();
            if (next.leaseUntil().isAfter(now)) {
                taken.add(next.claimed());
            } else {
                lookInStoreNext(); // its lease ran out: claimed from the store under a new one
            }
        }
        return taken;
    }

    /** Whether jobs may wait in the store unleased since the last call; clears the flag. */
    boolean takeLookInStore() {
        return jobsMayWaitInStore.getAndSet(false);
    }

    /** Takes every waiting job, for giving them back to the store when the workers stop. */
    List<ClaimedJob> drain() {
        return take(Integer.MAX_VALUE);
    }
}
