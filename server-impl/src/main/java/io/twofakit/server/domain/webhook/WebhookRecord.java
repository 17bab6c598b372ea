package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one event to one callback, as the account and people look at it.
 *
 * @param id the delivery's own id (one per event and callback)
 * @param eventTime when the delivery event happened, on the account's clock (the posted body's timestamp)
 * @param lastError what went wrong on the last failed attempt, or null
 * @param nextAttempt when a PENDING delivery is tried next (real time); null once it is DELIVERED or FAILED
 */
public record WebhookRecord(
        UUID id,
        UUID eventId,
        UUID callbackId,
        UUID otpId,
        Channel channel,
        DeliveryEventStatus eventStatus,
        Instant eventTime,
        WebhookState state,
        int attempts,
        String lastError,
        Instant nextAttempt,
        Instant created,
        Instant updated) {
}
