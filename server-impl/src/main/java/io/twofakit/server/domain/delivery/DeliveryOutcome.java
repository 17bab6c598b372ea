package io.twofakit.server.domain.delivery;

import java.util.Objects;

/** How one channel attempt ended: DELIVERED, UNDELIVERABLE (with an error) or TIMED_OUT. */
public record DeliveryOutcome(DeliveryEventStatus status, DeliveryError error) {

    public DeliveryOutcome {
        Objects.requireNonNull(status, "status");
        if (status == DeliveryEventStatus.DISPATCHED) {
            throw new IllegalArgumentException("DISPATCHED is not an outcome");
        }
        if ((status == DeliveryEventStatus.UNDELIVERABLE) != (error != null)) {
            throw new IllegalArgumentException("an UNDELIVERABLE outcome carries an error, and only it");
        }
    }

    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(DeliveryEventStatus.DELIVERED, null);
    }

    public static DeliveryOutcome undeliverable(String code, String message) {
        return new DeliveryOutcome(DeliveryEventStatus.UNDELIVERABLE, new DeliveryError(code, message));
    }

    public static DeliveryOutcome timedOut() {
        return new DeliveryOutcome(DeliveryEventStatus.TIMED_OUT, null);
    }

    public boolean isDelivered() {
        return status == DeliveryEventStatus.DELIVERED;
    }
}
