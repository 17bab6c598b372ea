package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.TimeOrderedIds;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.work.WorkSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers OTPs: takes pending delivery jobs and tries their channels in order until one delivers.
 *
 * <p>New jobs come from the {@link DeliveryQueue} of this process, already leased; the store is asked for due jobs
 * (left by a crash, by another server, given back after a failure, or stored unleased because the queue was
 * full) when the queue says so and otherwise every {@link #STORE_POLL}.
 *
 * <p>For each channel it hands the rendered message to the channel's gateway and records DISPATCHED and the
 * outcome (DELIVERED, UNDELIVERABLE or TIMED_OUT); after a failure it goes on with the next channel. Every
 * event is written with its webhook deliveries, one per matching callback, in the same transaction as the
 * job's progress. The code is unsealed only to render the message; the job, and the sealed code with it, is
 * removed when the delivery ends.
 */
public final class DeliveryWorker implements WorkSource {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    /**
     * A job's lease: longer than a gateway call should take, short enough that the jobs of a server that died are
     * taken over by another within half a minute (a server on a database of its own takes them over at start-up).
     */
    public static final Duration LEASE = Duration.ofSeconds(30);
    /** How long a job waits after its worker failed before it is tried again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    /** How often the store is asked for due jobs when nothing says it has any. */
    static final Duration STORE_POLL = Duration.ofSeconds(1);

    private final DeliveryStore store;
    private final DeliveryQueue queue;
    private final Map<Channel, ChannelGateway> gateways;
    private final CallbackTargets callbacks;
    private final CodeProtection codes;
    private final AccountClocks eventClocks;
    private final Clock realClock;
    private final Runnable eventsRecorded;
    /** When the store is asked next without a sign; only the work loop's thread polls. */
    private Instant nextStorePoll = Instant.MIN;

    /**
     * @param queue the new jobs, stored leased to these workers
     * @param gateways a gateway for every channel
     * @param eventClocks each account's clock, for the timestamps of its events
     * @param realClock real time, for leases
     * @param eventsRecorded told after events were recorded for at least one callback (wakes the webhook dispatcher)
     */
    public DeliveryWorker(DeliveryStore store, DeliveryQueue queue, Map<Channel, ChannelGateway> gateways,
                          CallbackTargets callbacks, CodeProtection codes, AccountClocks eventClocks, Clock realClock,
                          Runnable eventsRecorded) {
        for (Channel channel : Channel.values()) {
            if (!gateways.containsKey(channel)) {
                throw new IllegalArgumentException("no gateway for " + channel);
            }
        }
        this.store = store;
        this.queue = queue;
        this.gateways = Map.copyOf(gateways);
        this.callbacks = callbacks;
        this.codes = codes;
        this.eventClocks = eventClocks;
        this.realClock = realClock;
        this.eventsRecorded = eventsRecorded;
    }

    @Override
    public Batch poll(int capacity) {
        List<DeliveryStore.ClaimedJob> jobs = new ArrayList<>(queue.take(capacity));
        Instant now = realClock.instant();
        boolean jobsMayWaitInStore = queue.takeLookInStore();
        if (jobs.size() < capacity && (jobsMayWaitInStore || !now.isBefore(nextStorePoll))) {
            nextStorePoll = now.plus(STORE_POLL);
            int wanted = capacity - jobs.size();
            List<DeliveryStore.ClaimedJob> claimed = store.claim(wanted, now, LEASE);
            if (claimed.size() == wanted) {
                queue.lookInStoreNext(); // there may be more: look again at the next poll
            }
            jobs.addAll(claimed);
        } else if (jobsMayWaitInStore) {
            queue.lookInStoreNext(); // no room now: keep the sign for the next poll
        }
        List<Runnable> tasks = new ArrayList<>();
        for (DeliveryStore.ClaimedJob claimed : jobs) {
            tasks.add(() -> deliver(claimed));
        }
        return new Batch(tasks, Optional.of(nextStorePoll));
    }

    /**
     * Gives the jobs still waiting in the hand-off back to the store, due at once, so that the next server on
     * the database need not wait for their leases to run out.
     */
    @Override
    public void stopped() {
        Instant now = realClock.instant();
        for (DeliveryStore.ClaimedJob waiting : queue.drain()) {
            store.release(waiting.job().otpId(), waiting.lease(), now);
        }
    }

    /** Runs one claimed job to its end, or until its lease is lost. */
    void deliver(DeliveryStore.ClaimedJob claimed) {
        DeliveryJob job = claimed.job();
        try {
            deliverSteps(job, claimed.lease());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery of OTP " + job.otpId() + " failed; it is tried again in "
                    + RETRY_AFTER_FAILURE, e);
            store.release(job.otpId(), claimed.lease(), realClock.instant().plus(RETRY_AFTER_FAILURE));
        }
    }

    private void deliverSteps(DeliveryJob job, UUID lease) {
        String code;
        try {
            code = codes.open(job.otpId(), job.sealedCode());
        } catch (IllegalArgumentException e) {
            // sealed under another secret: no server with this secret can ever deliver it (nor check its code)
            LOG.warning(() -> "OTP " + job.otpId() + " cannot be delivered: " + e.getMessage()
                    + " (was the server secret changed?); its delivery is abandoned");
            store.abandon(job.otpId(), lease);
            return;
        }
        List<UUID> callbackIds = callbacks.matching(job.accountId(), job.profileId()).stream()
                .map(CallbackTarget::id).toList();
        List<DeliveryStep> steps = job.steps();
        for (int position = job.nextPosition(); position < steps.size(); position++) {
            DeliveryStep step = steps.get(position);
            DeliveryEvent dispatched = event(job, position, step.channel(), DeliveryEventStatus.DISPATCHED, null);
            DeliveryOutcome outcome = gateways.get(step.channel()).deliver(new OutgoingMessage(
                    job.otpId(), job.accountId(), job.to(), step.channel(), step.sender(), step.render(code), position));
            boolean finished = outcome.isDelivered() || position == steps.size() - 1;
            DeliveryEvent result = event(job, position, step.channel(), outcome.status(), outcome.error());
            if (!store.recordAttempt(job.otpId(), lease, position, dispatched, result, callbackIds, finished)) {
                return;
            }
            wakeDispatcherFor(callbackIds);
            if (finished) {
                return;
            }
        }
    }

    /**
     * Wakes the webhook dispatcher when the events were queued for at least one callback. Without callbacks there
     * is nothing for it to post, and waking it would cost two queries for nothing.
     */
    private void wakeDispatcherFor(List<UUID> callbackIds) {
        if (!callbackIds.isEmpty()) {
            eventsRecorded.run();
        }
    }

    private DeliveryEvent event(DeliveryJob job, int position, Channel channel, DeliveryEventStatus status,
                                DeliveryError error) {
        int sequence = status == DeliveryEventStatus.DISPATCHED
                ? DeliveryEvent.dispatchedSequence(position) : DeliveryEvent.outcomeSequence(position);
        return new DeliveryEvent(TimeOrderedIds.next(), job.otpId(), job.accountId(), job.profileId(), sequence, channel,
                status, error, eventClocks.clockFor(job.accountId()).instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
