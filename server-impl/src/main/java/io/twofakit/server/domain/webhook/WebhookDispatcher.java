package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.delivery.CallbackTargets;
import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.work.WorkSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Posts the outbox's events to their callbacks: at least once, in order per OTP and callback, retried with
 * exponential backoff.
 *
 * <p>An attempt that is not answered with 2xx in time (an error status, a refused connection, a timeout) is
 * retried after {@code retryBase}, then twice as long each time up to {@code retryMax}; after
 * {@code maxAttempts} the event is given up and kept as FAILED. An event waits until the earlier events of
 * its OTP to the same callback are delivered; if one of them was given up, the later ones are given up too,
 * so that a receiver never sees an event without the ones before it. An event whose callback was deleted
 * meanwhile is given up. Each event is posted with the callback's headers as configured at the time of the
 * attempt.
 */
public final class WebhookDispatcher implements WorkSource {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    static final String EARLIER_GIVEN_UP = "not sent: an earlier event of this OTP to this callback was given up";
    static final String CALLBACK_DELETED = "not sent: the callback configuration was deleted";

    private final WebhookStore store;
    private final CallbackTargets callbacks;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Clock realClock;
    private final Duration lease;

    /** @param realClock real time, for backoff and leases (never the simulator's clock) */
    public WebhookDispatcher(WebhookStore store, CallbackTargets callbacks, WebhookSender sender,
                             WebhookSettings settings, Clock realClock) {
        this.store = store;
        this.callbacks = callbacks;
        this.sender = sender;
        this.settings = settings;
        this.realClock = realClock;
        // longer than one attempt can take, so that a lease only expires when its dispatcher is gone; short, so that
        // the events of a server that died are taken over soon (20 s with the default 5 s timeout)
        this.lease = settings.timeout().multipliedBy(2).plusSeconds(10);
    }

    @Override
    public Batch poll(int capacity) {
        Instant now = realClock.instant();
        List<Runnable> tasks = new ArrayList<>();
        for (PendingWebhook pending : store.claim(capacity, now, lease)) {
            tasks.add(() -> attempt(pending));
        }
        Optional<Instant> nextDue = store.nextDue(now);
        return new Batch(tasks, nextDue);
    }

    /** Makes one attempt to post a claimed event and records how it went. */
    void attempt(PendingWebhook pending) {
        if (pending.afterGivenUp()) {
            store.giveUp(pending.id(), pending.lease(), pending.attempts(), EARLIER_GIVEN_UP, realClock.instant());
            return;
        }
        Optional<CallbackTarget> target = callbacks.find(pending.event().accountId(), pending.callbackId());
        if (target.isEmpty()) {
            store.giveUp(pending.id(), pending.lease(), pending.attempts(), CALLBACK_DELETED, realClock.instant());
            return;
        }
        WebhookSender.Result result = sender.send(target.get(), pending.event());
        int attempts = pending.attempts() + 1;
        Instant now = realClock.instant();
        if (result.acknowledged()) {
            store.delivered(pending.id(), pending.lease(), attempts, now);
        } else if (attempts >= settings.maxAttempts()) {
            LOG.warning(() -> "Gave up event " + pending.event().id() + " to callback " + pending.callbackId()
                    + " after " + attempts + " attempt(s): " + result.description());
            store.giveUp(pending.id(), pending.lease(), attempts, result.description(), now);
        } else {
            store.retryLater(pending.id(), pending.lease(), attempts, now.plus(settings.delayAfter(attempts)),
                    result.description(), now);
        }
    }
}
