package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.webhook.PendingWebhook;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookState;
import io.twofakit.server.domain.webhook.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The webhook outbox in {@code webhook_delivery}, joined with the events of {@code delivery_event}. */
public final class JdbiWebhookStore implements WebhookStore {

    /** Longest error text kept (the column's size). */
    static final int MAX_ERROR = 512;

    private final Jdbi jdbi;

    public JdbiWebhookStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A due row as the claim query found it, before its lease is taken. */
    private record Candidate(UUID id, UUID callbackId, int attempts, boolean afterGivenUp,
                             DeliveryEvent event) {
    }

    @Override
    public List<PendingWebhook> claim(int max, Instant now, Duration leaseFor) {
        // first in line: no earlier event of the same OTP to the same callback is still pending
        List<Candidate> candidates = jdbi.withHandle(handle -> handle.createQuery(
                        "select w.id, w.callback_id, w.attempts,"
                                + " exists (select 1 from webhook_delivery f where f.callback_id = w.callback_id"
                                + "   and f.otp_id = w.otp_id and f.event_seq < w.event_seq and f.state = :failed)"
                                + "   as after_given_up, "
                                + JdbiDeliveryStore.EVENT_COLUMNS
                                + " from webhook_delivery w join delivery_event e on e.id = w.event_id"
                                + " where w.state = :pending and w.next_attempt_at <= :now"
                                + " and (w.lease_until is null or w.lease_until < :now)"
                                + " and not exists (select 1 from webhook_delivery p where p.callback_id = w.callback_id"
                                + "   and p.otp_id = w.otp_id and p.event_seq < w.event_seq and p.state = :pending)"
                                + " order by w.next_attempt_at, w.event_seq limit :max")
                .bind("failed", WebhookState.FAILED.name())
                .bind("pending", WebhookState.PENDING.name())
                .bind("now", SqlTimes.utc(now))
                .bind("max", max)
                .map((row, ctx) -> new Candidate(row.getObject("id", UUID.class), row.getObject("callback_id", UUID.class),
                        row.getInt("attempts"), row.getBoolean("after_given_up"), JdbiDeliveryStore.event(row)))
                .list());
        List<PendingWebhook> claimed = new ArrayList<>();
        for (Candidate candidate : candidates) {
            UUID lease = UUID.randomUUID();
            int taken = jdbi.withHandle(handle -> handle.createUpdate("update webhook_delivery"
                            + " set lease_token = :lease, lease_until = :until where id = :id and state = :pending"
                            + " and (lease_until is null or lease_until < :now)")
                    .bind("lease", lease)
                    .bind("until", SqlTimes.utc(now.plus(leaseFor)))
                    .bind("id", candidate.id())
                    .bind("pending", WebhookState.PENDING.name())
                    .bind("now", SqlTimes.utc(now))
                    .execute());
            if (taken == 1) {
                claimed.add(new PendingWebhook(candidate.id(), lease, candidate.callbackId(), candidate.attempts(),
                        candidate.afterGivenUp(), candidate.event()));
            }
        }
        return claimed;
    }

    @Override
    public Optional<Instant> nextDue(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("select min(next_attempt_at) as next_due"
                        + " from webhook_delivery where state = :pending and next_attempt_at > :now")
                .bind("pending", WebhookState.PENDING.name())
                .bind("now", SqlTimes.utc(now))
                .map((row, ctx) -> Optional.ofNullable(SqlTimes.instant(row, "next_due")))
                .one());
    }

    @Override
    public void delivered(UUID id, UUID lease, int attempts, Instant at) {
        finish(id, lease, WebhookState.DELIVERED, attempts, null, at);
    }

    @Override
    public void giveUp(UUID id, UUID lease, int attempts, String error, Instant at) {
        finish(id, lease, WebhookState.FAILED, attempts, error, at);
    }

    private void finish(UUID id, UUID lease, WebhookState state, int attempts, String error, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("update webhook_delivery set state = :state, attempts = :attempts,"
                        + " last_error = :error, lease_token = null, lease_until = null, updated_at = :at"
                        + " where id = :id and lease_token = :lease")
                .bind("state", state.name())
                .bind("attempts", attempts)
                .bind("error", clip(error))
                .bind("at", SqlTimes.utc(at))
                .bind("id", id)
                .bind("lease", lease)
                .execute());
    }

    @Override
    public void retryLater(UUID id, UUID lease, int attempts, Instant nextAttempt, String error, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("update webhook_delivery set attempts = :attempts,"
                        + " next_attempt_at = :next, last_error = :error, lease_token = null, lease_until = null,"
                        + " updated_at = :at where id = :id and lease_token = :lease")
                .bind("attempts", attempts)
                .bind("next", SqlTimes.utc(nextAttempt))
                .bind("error", clip(error))
                .bind("at", SqlTimes.utc(at))
                .bind("id", id)
                .bind("lease", lease)
                .execute());
    }

    @Override
    public List<WebhookRecord> recent(String accountId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("select w.event_id, w.callback_id, w.otp_id, e.channel,"
                        + " e.status, w.state, w.attempts, w.last_error, w.created_at, w.updated_at"
                        + " from webhook_delivery w join delivery_event e on e.id = w.event_id"
                        + " where e.account_id = :account"
                        + " order by w.created_at desc, w.event_seq desc limit :limit")
                .bind("account", accountId)
                .bind("limit", limit)
                .map((row, ctx) -> new WebhookRecord(
                        row.getObject("event_id", UUID.class),
                        row.getObject("callback_id", UUID.class),
                        row.getObject("otp_id", UUID.class),
                        Channel.valueOf(row.getString("channel")),
                        DeliveryEventStatus.valueOf(row.getString("status")),
                        WebhookState.valueOf(row.getString("state")),
                        row.getInt("attempts"),
                        row.getString("last_error"),
                        SqlTimes.instant(row, "created_at"),
                        SqlTimes.instant(row, "updated_at")))
                .list());
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
