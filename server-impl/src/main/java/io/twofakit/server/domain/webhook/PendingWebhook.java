package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.delivery.DeliveryEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * One event to be posted to one callback, as claimed by the dispatcher.
 *
 * @param lease the token of the dispatcher's lease on it
 * @param attempts attempts made so far
 * @param afterGivenUp whether an earlier event of the same OTP to the same callback was given up; then this
 *                     one is given up too, so that a receiver never gets an event without the ones before it
 */
public record PendingWebhook(UUID id, UUID lease, UUID callbackId, int attempts, boolean afterGivenUp,
                             DeliveryEvent event) {

    public PendingWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(event, "event");
    }
}
