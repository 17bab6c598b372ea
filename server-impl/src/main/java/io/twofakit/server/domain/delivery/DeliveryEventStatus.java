package io.twofakit.server.domain.delivery;

/** What a delivery event reports about one channel attempt. */
public enum DeliveryEventStatus {
    /** the channel has taken the message */
    DISPATCHED,
    /** the message reached the recipient */
    DELIVERED,
    /** the channel cannot deliver the message; the event carries an error */
    UNDELIVERABLE,
    /** no delivery report arrived in time */
    TIMED_OUT;

    /** Whether this status ends a channel attempt without delivery, so that the next channel is tried. */
    public boolean isFailure() {
        return this == UNDELIVERABLE || this == TIMED_OUT;
    }
}
