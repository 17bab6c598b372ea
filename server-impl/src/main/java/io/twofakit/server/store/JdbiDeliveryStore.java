package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.StoreTransaction;
import io.twofakit.server.domain.TimeOrderedIds;
import io.twofakit.server.domain.delivery.DeliveryError;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStep;
import io.twofakit.server.domain.delivery.DeliveryStore;
import io.twofakit.server.domain.webhook.WebhookState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Delivery jobs ({@code delivery_job}, {@code delivery_step}), their events ({@code delivery_event}) and the
 * webhook outbox rows the events fan out to ({@code webhook_delivery}). Each progress of a job is one
 * transaction with its event and outbox rows, and happens only while the caller's lease token is the job's.
 */
public final class JdbiDeliveryStore implements DeliveryStore {

    private final Jdbi jdbi;
    private final GroupCommit commits;
    private final Clock realClock;

    /** @param realClock real time: when new jobs and outbox rows are first due */
    public JdbiDeliveryStore(Database database, Clock realClock) {
        this.jdbi = database.jdbi();
        this.commits = database.groupCommit();
        this.realClock = realClock;
    }

    @Override
    public void insert(DeliveryJob job, Optional<DeliveryQueue.Lease> lease, Consumer<StoreTransaction> together) {
        commits.inTransaction(handle -> {
            together.accept(new JdbiTransaction(handle));
            insertJob(handle, job, realClock.instant(), lease);
            return null;
        });
    }

    /** Inserts a new job and its steps on {@code handle}, leased when {@code lease} is given. */
    private static void insertJob(Handle handle, DeliveryJob job, Instant dueAt, Optional<DeliveryQueue.Lease> lease) {
        handle.createUpdate("insert into delivery_job (otp_id, account_id, profile_id, to_number, sealed_code,"
                        + " next_step, due_at, lease_token, lease_until) values (:otp, :account, :profile, :to,"
                        + " :sealed, :next, :due, cast(:lease as uuid), :until)")
                .bind("otp", job.otpId())
                .bind("account", job.accountId())
                .bindByType("profile", job.profileId(), UUID.class)
                .bind("to", job.to())
                .bind("sealed", Base64.getEncoder().encodeToString(job.sealedCode()))
                .bind("next", job.nextPosition())
                .bind("due", SqlTimes.utc(dueAt))
                .bindByType("lease", lease.map(DeliveryQueue.Lease::token).orElse(null), UUID.class)
                .bind("until", SqlTimes.utcOrNull(lease.map(DeliveryQueue.Lease::until).orElse(null)))
                .execute();
        // one batch for all steps: one statement instead of one per channel
        PreparedBatch steps = handle.prepareBatch("insert into delivery_step (otp_id, step_no, channel, sender,"
                + " template_text, validity_minutes) values (:otp, :step, :channel, :sender, :template, :validity)");
        for (DeliveryStep step : job.steps()) {
            steps.bind("otp", job.otpId())
                    .bind("step", step.position())
                    .bind("channel", step.channel().name())
                    .bindByType("sender", step.sender(), String.class)
                    .bind("template", step.template())
                    .bind("validity", step.validityMinutes())
                    .add();
        }
        steps.execute();
    }

    @Override
    public List<ClaimedJob> claim(int max, Instant now, Duration leaseFor) {
        List<UUID> candidates = jdbi.withHandle(handle -> handle.createQuery(
                        "select otp_id from delivery_job where due_at <= :now"
                                + " and (lease_until is null or lease_until < :now) order by due_at limit :max")
                .bind("now", SqlTimes.utc(now))
                .bind("max", max)
                .mapTo(UUID.class)
                .list());
        List<ClaimedJob> claimed = new ArrayList<>();
        for (UUID otpId : candidates) {
            UUID lease = UUID.randomUUID();
            jdbi.withHandle(handle -> {
                int taken = handle.createUpdate("update delivery_job set lease_token = :lease, lease_until = :until"
                                + " where otp_id = :otp and due_at <= :now and (lease_until is null or lease_until < :now)")
                        .bind("lease", lease)
                        .bind("until", SqlTimes.utc(now.plus(leaseFor)))
                        .bind("otp", otpId)
                        .bind("now", SqlTimes.utc(now))
                        .execute();
                return taken == 1 ? loadJob(handle, otpId) : Optional.<DeliveryJob>empty();
            }).ifPresent(job -> claimed.add(new ClaimedJob(job, lease)));
        }
        return claimed;
    }

    /** The job with its steps in order, in one query. */
    private static Optional<DeliveryJob> loadJob(Handle handle, UUID otpId) {
        List<DeliveryStep> steps = new ArrayList<>();
        List<JobRow> jobs = handle.createQuery("select j.otp_id, j.account_id, j.profile_id, j.to_number,"
                        + " j.sealed_code, j.next_step, s.step_no, s.channel, s.sender, s.template_text,"
                        + " s.validity_minutes"
                        + " from delivery_job j join delivery_step s on s.otp_id = j.otp_id"
                        + " where j.otp_id = :otp order by s.step_no")
                .bind("otp", otpId)
                .map((row, ctx) -> {
                    steps.add(new DeliveryStep(row.getInt("step_no"), Channel.valueOf(row.getString("channel")),
                            row.getString("sender"), row.getString("template_text"), row.getInt("validity_minutes")));
                    return new JobRow(row.getObject("otp_id", UUID.class), row.getString("account_id"),
                            row.getObject("profile_id", UUID.class), row.getString("to_number"),
                            row.getString("sealed_code"), row.getInt("next_step"));
                })
                .list();
        return jobs.stream().findFirst().map(job -> new DeliveryJob(job.otpId(), job.accountId(), job.profileId(),
                job.to(), Base64.getDecoder().decode(job.sealedCode()), steps, job.nextStep()));
    }

    /** The columns of {@code delivery_job}, as read with each of its steps. */
    private record JobRow(UUID otpId, String accountId, UUID profileId, String to, String sealedCode, int nextStep) {
    }

    @Override
    public boolean recordAttempt(UUID otpId, UUID lease, int position, DeliveryEvent dispatched, DeliveryEvent outcome,
                                 List<UUID> callbackIds, boolean finished) {
        return commits.inTransaction(handle -> {
            int moved = finished
                    ? handle.createUpdate("delete from delivery_job"
                                    + " where otp_id = :otp and lease_token = :lease and next_step = :step")
                            .bind("otp", otpId).bind("lease", lease).bind("step", position)
                            .execute()
                    : handle.createUpdate("update delivery_job set next_step = :next"
                                    + " where otp_id = :otp and lease_token = :lease and next_step = :step")
                            .bind("next", position + 1)
                            .bind("otp", otpId).bind("lease", lease).bind("step", position)
                            .execute();
            if (moved != 1) {
                return false;
            }
            insertEvents(handle, List.of(dispatched, outcome), callbackIds, realClock.instant());
            return true;
        });
    }

    @Override
    public boolean abandon(UUID otpId, UUID lease) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from delivery_job"
                        + " where otp_id = :otp and lease_token = :lease")
                .bind("otp", otpId)
                .bind("lease", lease)
                .execute()) == 1;
    }

    @Override
    public void release(UUID otpId, UUID lease, Instant dueAgain) {
        jdbi.useHandle(handle -> handle.createUpdate("update delivery_job set lease_token = null, lease_until = null,"
                        + " due_at = :due where otp_id = :otp and lease_token = :lease")
                .bind("due", SqlTimes.utc(dueAgain))
                .bind("otp", otpId)
                .bind("lease", lease)
                .execute());
    }

    @Override
    public List<DeliveryEvent> events(String accountId, UUID otpId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + EVENT_COLUMNS + " from delivery_event e"
                        + " where e.otp_id = :otp and e.account_id = :account order by e.event_seq")
                .bind("otp", otpId)
                .bind("account", accountId)
                .map((row, ctx) -> event(row))
                .list());
    }

    /** Columns of {@code delivery_event e} that {@link #event} reads. */
    static final String EVENT_COLUMNS = "e.id as event_id, e.otp_id as event_otp_id, e.account_id as event_account_id,"
            + " e.profile_id as event_profile_id, e.event_seq as event_seq, e.channel as event_channel,"
            + " e.status as event_status, e.error_code as event_error_code, e.error_message as event_error_message,"
            + " e.occurred_at as event_occurred_at";

    static DeliveryEvent event(ResultSet row) throws SQLException {
        String errorCode = row.getString("event_error_code");
        return new DeliveryEvent(
                row.getObject("event_id", UUID.class),
                row.getObject("event_otp_id", UUID.class),
                row.getString("event_account_id"),
                row.getObject("event_profile_id", UUID.class),
                row.getInt("event_seq"),
                Channel.valueOf(row.getString("event_channel")),
                DeliveryEventStatus.valueOf(row.getString("event_status")),
                errorCode == null ? null : new DeliveryError(errorCode, row.getString("event_error_message")),
                SqlTimes.instant(row, "event_occurred_at"));
    }

    /** The events, and one outbox row per event and callback: one batched statement for each table. */
    private static void insertEvents(Handle handle, List<DeliveryEvent> events, List<UUID> callbackIds, Instant now) {
        PreparedBatch eventRows = handle.prepareBatch("insert into delivery_event (id, otp_id, account_id, profile_id,"
                + " event_seq, channel, status, error_code, error_message, occurred_at) values (:id, :otp, :account,"
                + " :profile, :seq, :channel, :status, :code, :message, :occurred)");
        for (DeliveryEvent event : events) {
            eventRows.bind("id", event.id())
                    .bind("otp", event.otpId())
                    .bind("account", event.accountId())
                    .bindByType("profile", event.profileId(), UUID.class)
                    .bind("seq", event.sequence())
                    .bind("channel", event.channel().name())
                    .bind("status", event.status().name())
                    .bindByType("code", event.error() == null ? null : event.error().code(), String.class)
                    .bindByType("message", event.error() == null ? null : event.error().message(), String.class)
                    .bind("occurred", SqlTimes.utc(event.occurred()))
                    .add();
        }
        eventRows.execute();
        if (callbackIds.isEmpty()) {
            return;
        }
        PreparedBatch outboxRows = handle.prepareBatch("insert into webhook_delivery (id, event_id, callback_id,"
                + " otp_id, event_seq, state, attempts, next_attempt_at, created_at, updated_at) values (:id, :event,"
                + " :callback, :otp, :seq, :state, 0, :now, :now, :now)");
        for (DeliveryEvent event : events) {
            for (UUID callbackId : callbackIds) {
                outboxRows.bind("id", TimeOrderedIds.next())
                        .bind("event", event.id())
                        .bind("callback", callbackId)
                        .bind("otp", event.otpId())
                        .bind("seq", event.sequence())
                        .bind("state", WebhookState.PENDING.name())
                        .bind("now", SqlTimes.utc(now))
                        .add();
            }
        }
        outboxRows.execute();
    }
}
