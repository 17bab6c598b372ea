package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one event to one callback, for people to look at (the simulator's view of
 * an account's webhook deliveries).
 *
 * @param lastError what went wrong on the last failed attempt, or null
 */
public record WebhookRecord(
        UUID eventId,
        UUID callbackId,
        UUID otpId,
        Channel channel,
        DeliveryEventStatus eventStatus,
        WebhookState state,
        int attempts,
        String lastError,
        Instant created,
        Instant updated) {
}
