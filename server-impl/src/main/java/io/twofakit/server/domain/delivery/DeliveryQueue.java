package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.StoreTransaction;
import io.twofakit.server.domain.delivery.DeliveryStore.ClaimedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Where new delivery jobs are queued: {@link #enqueue} stores a job (with what must commit with it, such as its
 * OTP) and hands it to the delivery workers of this process, who are woken.
 *
 * <p>A job is stored already leased to this process, so the workers need not find and claim it in the store:
 * sending an OTP costs no claim queries. The lease keeps the job durable: should the process die before the job
 * ends, the lease runs out and any server on the database claims it from the store. At most {@code capacity} jobs
 * wait here; beyond that a job is stored unleased and the workers are told to look in the store. A job whose lease
 * ran out while it waited is dropped here and claimed from the store instead, so no job is worked on under a lease
 * that another worker may hold.
 */
public final class DeliveryQueue {

    /** The lease a job is stored with: its token, and until when this process holds it. */
    public record Lease(UUID token, Instant until) {
    }

    private final DeliveryStore store;
    private final Semaphore freePlaces;
    private final Clock realClock;
    private final Duration leaseFor;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** Whether jobs may wait in the store unleased, for the workers to claim there at their next poll. */
    private final AtomicBoolean jobsMayWaitInStore = new AtomicBoolean();
    private volatile Runnable wake = () -> { };

    private record Waiting(ClaimedJob claimed, Instant leaseUntil) {
    }

    /**
     * @param store where jobs are stored, and claimed from by the workers when they do not wait here
     * @param capacity the most jobs that wait here at once
     * @param realClock real time, for leases
     * @param leaseFor how long a job stays leased to this process
     */
    public DeliveryQueue(DeliveryStore store, int capacity, Clock realClock, Duration leaseFor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.freePlaces = new Semaphore(capacity);
        this.realClock = realClock;
        this.leaseFor = leaseFor;
    }

    /**
     * Tells {@code wake} after every job queued (the delivery workers' loop); set once, when the server is wired.
     */
    public void wakeOnEnqueue(Runnable wake) {
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    /**
     * Queues the delivery of {@code job}: stores it in one transaction with what {@code together} writes (its OTP),
     * leased to this process's workers when there is room here (else for any worker to claim from the store), then
     * hands it to the workers and wakes them. When storing fails, nothing is queued and the exception is thrown.
     */
    public void enqueue(DeliveryJob job, Consumer<StoreTransaction> together) {
        Optional<Lease> lease = reserve();
        try {
            store.insert(job, lease, together);
        } catch (RuntimeException e) {
            lease.ifPresent(this::cancel);
            throw e;
        }
        lease.ifPresentOrElse(held -> handOver(job, held), this::storedUnleased);
        wake.run();
    }

    /**
     * Room for one job about to be stored, and the lease to store it with; empty when the queue is full. Every
     * lease given out is followed by either {@link #handOver} or {@link #cancel}.
     */
    private Optional<Lease> reserve() {
        if (!freePlaces.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Lease(UUID.randomUUID(), realClock.instant().plus(leaseFor)));
    }

    /** The job is stored with {@code lease}: the workers take it from here. */
    private void handOver(DeliveryJob job, Lease lease) {
        waiting.add(new Waiting(new ClaimedJob(job, lease.token()), lease.until()));
    }

    /** Storing the job failed: its place is free again. */
    private void cancel(Lease lease) {
        freePlaces.release();
    }

    /** A job was stored without a lease: the workers have to claim it from the store. */
    private void storedUnleased() {
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

    /** Whether jobs may wait in the store unleased since the last call; clears the sign. */
    boolean takeLookInStore() {
        return jobsMayWaitInStore.getAndSet(false);
    }

    /** Takes every waiting job, for giving them back to the store when the workers stop. */
    List<ClaimedJob> drain() {
        return take(Integer.MAX_VALUE);
    }
}
