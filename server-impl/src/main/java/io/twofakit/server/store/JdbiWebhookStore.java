package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.webhook.PendingWebhook;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookState;
import io.twofakit.server.domain.webhook.WebhookStore;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The columns of a {@link WebhookRecord}, from {@code webhook_delivery w} joined with {@code delivery_event e}. */
    private static final String RECORD_SELECT = "select w.id, w.event_id, w.callback_id, w.otp_id, e.channel, e.status,"
            + " e.occurred_at, w.state, w.attempts, w.last_error, w.next_attempt_at, w.created_at, w.updated_at"
            + " from webhook_delivery w join delivery_event e on e.id = w.event_id";
    private static final String NEWEST_FIRST = " order by w.created_at desc, w.event_seq desc limit :limit";

    @Override
    public List<WebhookRecord> recent(String accountId, int limit) {
        return list(accountId, Optional.empty(), Optional.empty(), limit);
    }

    @Override
    public List<WebhookRecord> list(String accountId, Optional<WebhookState> state, Optional<UUID> callbackId,
                                    int limit) {
        // state and callback_id are columns of webhook_delivery only, so they need no table name
        FilteredSelect select = new FilteredSelect(RECORD_SELECT + " where e.account_id = :account", accountId)
                .where("state", state.map(WebhookState::name).orElse(null))
                .where("callback_id", callbackId.orElse(null));
        return jdbi.withHandle(handle -> select.query(handle, NEWEST_FIRST)
                .bind("limit", limit)
                .map((row, ctx) -> record(row))
                .list());
    }

    @Override
    public Optional<WebhookRecord> find(String accountId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(RECORD_SELECT + " where w.id = :id and e.account_id = :account")
                .bind("id", id)
                .bind("account", accountId)
                .map((row, ctx) -> record(row))
                .findOne());
    }

    @Override
    public int redeliver(String accountId, UUID id, Instant now) {
        // the row itself and the FAILED rows of earlier events of its OTP to its callback: a receiver never gets an
        // event without the ones before it
        return jdbi.inTransaction(handle -> handle.createUpdate(PUT_BACK + " where state = :failed and exists ("
                        + " select 1 from webhook_delivery t join delivery_event e on e.id = t.event_id"
                        + " where t.id = :id and t.state = :failed and e.account_id = :account"
                        + " and t.callback_id = webhook_delivery.callback_id and t.otp_id = webhook_delivery.otp_id"
                        + " and t.event_seq >= webhook_delivery.event_seq)")
                .bind("id", id)
                .bind("account", accountId)
                .bind("failed", WebhookState.FAILED.name())
                .bind("pending", WebhookState.PENDING.name())
                .bind("now", SqlTimes.utc(now))
                .execute());
    }

    @Override
    public int redeliverFailed(String accountId, UUID callbackId, Instant now) {
        return jdbi.inTransaction(handle -> handle.createUpdate(PUT_BACK + " where state = :failed"
                        + " and callback_id = :callback and exists (select 1 from delivery_event e"
                        + " where e.id = webhook_delivery.event_id and e.account_id = :account)")
                .bind("callback", callbackId)
                .bind("account", accountId)
                .bind("failed", WebhookState.FAILED.name())
                .bind("pending", WebhookState.PENDING.name())
                .bind("now", SqlTimes.utc(now))
                .execute());
    }

    /** Back in line: pending, a fresh set of attempts, due now; the last error stays until the next attempt. */
    private static final String PUT_BACK = "update webhook_delivery set state = :pending, attempts = 0,"
            + " next_attempt_at = :now, lease_token = null, lease_until = null, updated_at = :now";

    private static WebhookRecord record(ResultSet row) throws SQLException {
        WebhookState state = WebhookState.valueOf(row.getString("state"));
        return new WebhookRecord(
                row.getObject("id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getObject("callback_id", UUID.class),
                row.getObject("otp_id", UUID.class),
                Channel.valueOf(row.getString("channel")),
                DeliveryEventStatus.valueOf(row.getString("status")),
                SqlTimes.instant(row, "occurred_at"),
                state,
                row.getInt("attempts"),
                row.getString("last_error"),
                state == WebhookState.PENDING ? SqlTimes.instant(row, "next_attempt_at") : null,
                SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "updated_at"));
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
