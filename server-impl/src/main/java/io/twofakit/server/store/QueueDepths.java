package io.twofakit.server.store;

import io.twofakit.server.domain.webhook.WebhookState;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * How much work waits in the database, for the metrics: webhook events not yet acknowledged, webhook events given
 * up, and OTPs whose delivery is not finished. Counted when asked (a scrape of {@code /metrics}); each count is one
 * indexed query, and empty when the database cannot answer.
 */
public final class QueueDepths {

    private final Jdbi jdbi;

    public QueueDepths(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Webhook deliveries in {@code state}. */
    public OptionalLong webhookDeliveries(WebhookState state) {
        return count("select count(*) from webhook_delivery where state = :state", state.name());
    }

    /** OTPs whose delivery over the channels is still to be done or finished. */
    public OptionalLong deliveryJobs() {
        return count("select count(*) from delivery_job", null);
    }

    private OptionalLong count(String sql, String state) {
        try {
            return OptionalLong.of(jdbi.withHandle(handle -> {
                var query = handle.createQuery(sql);
                if (state != null) {
                    query.bind("state", state);
                }
                return query.mapTo(Long.class).one();
            }));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
