package io.twofakit.server.domain.webhook;

/** Where the delivery of one event to one callback stands. */
public enum WebhookState {
    /** not yet acknowledged; will be (re)tried */
    PENDING,
    /** the callback answered 2xx */
    DELIVERED,
    /** given up after the last attempt, or because an earlier event was given up or the callback was deleted */
    FAILED
}
