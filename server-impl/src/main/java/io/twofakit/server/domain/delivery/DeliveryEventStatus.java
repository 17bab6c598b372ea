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
    TIMED_OUT
}
