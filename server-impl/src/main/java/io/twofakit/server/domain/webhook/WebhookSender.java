package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.domain.delivery.DeliveryEvent;

/** Posts one event to one callback. Called from the dispatcher's own threads, never from request threads. */
public interface WebhookSender {

    /**
     * The result of one attempt.
     *
     * @param acknowledged whether the callback answered with a 2xx status
     * @param description what happened, e.g. {@code HTTP 500} or {@code connection refused}
     */
    record Result(boolean acknowledged, String description) {
    }

    /** Posts {@code event} to {@code target}; errors and timeouts are answered as an unacknowledged result. */
    Result send(CallbackTarget target, DeliveryEvent event);
}
