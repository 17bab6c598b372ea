package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.delivery.CallbackTargets;
import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's webhook deliveries: what was posted to its callbacks, what failed, and putting failed ones back in
 * line. A redelivered event keeps its id, so a receiver that got it before can tell it is the same event.
 */
public final class WebhookDeliveries {

    /** The most rows one list answers. */
    public static final int LIST_LIMIT = 1000;

    private final WebhookStore store;
    private final CallbackTargets callbacks;
    private final Clock realClock;
    private final Runnable queued;

    /**
     * @param realClock real time, on which webhook attempts run
     * @param queued told when deliveries were put back in line (wakes the dispatcher)
     */
    public WebhookDeliveries(WebhookStore store, CallbackTargets callbacks, Clock realClock, Runnable queued) {
        this.store = store;
        this.callbacks = callbacks;
        this.realClock = realClock;
        this.queued = queued;
    }

    /** A delivery and where it goes now; {@code url} is empty when the callback configuration was deleted. */
    public record Delivery(WebhookRecord record, Optional<String> url) {
    }

    /** The account's deliveries, newest first, at most {@link #LIST_LIMIT}. */
    public List<Delivery> list(String accountId, Optional<WebhookState> state, Optional<UUID> callbackId) {
        Map<UUID, Optional<String>> urls = new HashMap<>();
        return store.list(accountId, state, callbackId, LIST_LIMIT).stream()
                .map(record -> new Delivery(record, urls.computeIfAbsent(record.callbackId(),
                        id -> callbacks.find(accountId, id).map(CallbackTarget::url))))
                .toList();
    }

    /**
     * Puts a FAILED delivery back in line, with the earlier FAILED deliveries of its OTP to its callback.
     *
     * @throws ResourceNotFoundException when the account has no such delivery
     * @throws ConflictException when it is not FAILED
     */
    public Delivery redeliver(String accountId, UUID id) {
        WebhookRecord found = store.find(accountId, id).orElseThrow(() ->
                new ResourceNotFoundException(ResourceNotFoundException.Kind.WEBHOOK_DELIVERY, id.toString()));
        if (found.state() != WebhookState.FAILED || store.redeliver(accountId, id, realClock.instant()) == 0) {
            throw new ConflictException("Webhook delivery " + id + " is " + found.state()
                    + ": only a FAILED delivery can be delivered again.");
        }
        queued.run();
        WebhookRecord now = store.find(accountId, id).orElseThrow();
        return new Delivery(now, callbacks.find(accountId, now.callbackId()).map(CallbackTarget::url));
    }

    /**
     * Puts every FAILED delivery to the account's callback configuration back in line.
     *
     * @return how many
     * @throws ResourceNotFoundException when the account has no such callback configuration
     */
    public int redeliverFailed(String accountId, UUID callbackId) {
        if (callbacks.find(accountId, callbackId).isEmpty()) {
            throw new ResourceNotFoundException(ResourceNotFoundException.Kind.CALLBACK_CONFIGURATION,
                    callbackId.toString());
        }
        int redelivered = store.redeliverFailed(accountId, callbackId, realClock.instant());
        if (redelivered > 0) {
            queued.run();
        }
        return redelivered;
    }
}
