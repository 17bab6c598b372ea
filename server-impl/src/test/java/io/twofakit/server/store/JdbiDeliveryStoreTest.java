package io.twofakit.server.store;

import static io.twofakit.server.store.OtpRows.ACCOUNT;
import static io.twofakit.server.store.OtpRows.T0;
import static io.twofakit.server.store.OtpRows.event;
import static io.twofakit.server.store.OtpRows.job;
import static io.twofakit.server.store.OtpRows.otp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStore.ClaimedJob;
import io.twofakit.server.domain.limits.RecipientAdmission;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.webhook.PendingWebhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

class JdbiDeliveryStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private Database database;
    private JdbiDeliveryStore store;
    private DeliveryJob job;

    private void given(Database database, Channel... channels) {
        this.database = database;
        OtpRows.registerAccounts(database);
        Clock real = Clock.fixed(NOW, ZoneOffset.UTC);
        this.store = new JdbiDeliveryStore(database, real);
        Otp otp = otp("+4917612345678", T0);
        this.job = job(otp, channels);
        OtpRows.send(database, real, otp, job);
    }

    @DatabaseTest
    void aJobIsLeasedToOneWorkerUntilTheLeaseExpires(Database database) {
        given(database, Channel.SMS);

        List<ClaimedJob> first = store.claim(10, NOW, LEASE);
        List<ClaimedJob> meanwhile = store.claim(10, NOW.plusSeconds(30), LEASE);
        List<ClaimedJob> afterExpiry = store.claim(10, NOW.plus(LEASE).plusSeconds(1), LEASE);

        assertEquals(1, first.size());
        assertEquals(job.otpId(), first.get(0).job().otpId());
        assertArrayEquals(job.sealedCode(), first.get(0).job().sealedCode());
        assertEquals(List.of(), meanwhile);
        assertEquals(1, afterExpiry.size());
        UUID staleLease = first.get(0).lease();
        assertFalse(store.recordAttempt(job.otpId(), staleLease, 0, event(job, 0, DeliveryEventStatus.DISPATCHED),
                event(job, 0, DeliveryEventStatus.DELIVERED), List.of(), true), "the first worker lost its lease");
        assertEquals(List.of(), store.events(ACCOUNT, job.otpId()));
    }

    @DatabaseTest
    void aJobStoredWithALeaseIsClaimedByNoOneElseUntilTheLeaseRunsOut(Database database) {
        given(database, Channel.SMS);
        Otp otp = otp("+4917612345679", T0);
        DeliveryJob leased = job(otp, Channel.SMS);
        DeliveryQueue.Lease lease = new DeliveryQueue.Lease(UUID.randomUUID(), NOW.plus(LEASE));
        OtpRows.send(database, Clock.fixed(NOW, ZoneOffset.UTC), otp, leased, Optional.of(lease), RecipientAdmission.UNLIMITED);

        List<ClaimedJob> meanwhile = store.claim(10, NOW, LEASE);
        assertEquals(List.of(job.otpId()), meanwhile.stream().map(c -> c.job().otpId()).toList(),
                "only the unleased job");
        assertTrue(store.recordAttempt(otp.id(), lease.token(), 0, event(leased, 0, DeliveryEventStatus.DISPATCHED),
                event(leased, 0, DeliveryEventStatus.UNDELIVERABLE), List.of(), true), "the lease it was stored with");

        Otp another = otp("+4917612345670", T0);
        DeliveryQueue.Lease forgotten = new DeliveryQueue.Lease(UUID.randomUUID(), NOW.plus(LEASE));
        OtpRows.send(database, Clock.fixed(NOW, ZoneOffset.UTC), another, job(another, Channel.SMS),
                Optional.of(forgotten), RecipientAdmission.UNLIMITED);
        assertEquals(List.of(), store.claim(10, NOW.plus(LEASE), LEASE), "the holder died, but its lease still holds");
        List<ClaimedJob> afterExpiry = store.claim(10, NOW.plus(LEASE).plusSeconds(1), LEASE);
        assertEquals(Set.of(job.otpId(), another.id()), Set.copyOf(afterExpiry.stream().map(c -> c.job().otpId()).toList()),
                "both leases ran out");
    }

    @DatabaseTest
    void eachAttemptRecordsItsEventsAndQueuesThemForEveryCallback(Database database) {
        given(database, Channel.SMS, Channel.VIBER);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        List<UUID> callbacks = List.of(UUID.randomUUID(), UUID.randomUUID());
        DeliveryEvent dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        DeliveryEvent undeliverable = event(job, 0, DeliveryEventStatus.UNDELIVERABLE);

        assertTrue(store.recordAttempt(job.otpId(), lease, 0, dispatched, undeliverable, callbacks, false));

        assertEquals(List.of(dispatched, undeliverable), store.events(ACCOUNT, job.otpId()));
        assertEquals(List.of(), store.events("other", job.otpId()));
        List<PendingWebhook> queued = new JdbiWebhookStore(database).claim(10, NOW, LEASE);
        assertEquals(2, queued.size(), "one row per callback; the outcome waits behind the DISPATCHED event");
        assertEquals(Set.copyOf(callbacks),
                Set.copyOf(queued.stream().map(PendingWebhook::callbackId).toList()));
        assertTrue(queued.stream().allMatch(w -> w.event().equals(dispatched)));
        assertFalse(store.recordAttempt(job.otpId(), lease, 0, dispatched, undeliverable, callbacks, false),
                "the step is done: recording it again changes nothing");

        // released, the job is due again at the given time, at its second step
        store.release(job.otpId(), lease, NOW.plusSeconds(5));
        assertEquals(List.of(), store.claim(1, NOW.plusSeconds(4), LEASE), "not due before the given time");
        DeliveryJob resumed = store.claim(1, NOW.plusSeconds(5), LEASE).get(0).job();
        assertEquals(1, resumed.nextPosition());
    }

    @DatabaseTest
    void theLastOutcomeEndsTheJobAndKeepsTheEvents(Database database) {
        given(database, Channel.SMS);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        DeliveryEvent dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        DeliveryEvent delivered = event(job, 0, DeliveryEventStatus.DELIVERED);

        assertTrue(store.recordAttempt(job.otpId(), lease, 0, dispatched, delivered, List.of(), true));

        assertEquals(List.of(), store.claim(10, NOW.plus(Duration.ofHours(1)), LEASE), "the job and its code are gone");
        assertEquals(List.of(dispatched, delivered), store.events(ACCOUNT, job.otpId()));
        assertFalse(store.recordAttempt(job.otpId(), lease, 0, event(job, 0, DeliveryEventStatus.DISPATCHED),
                event(job, 0, DeliveryEventStatus.DELIVERED), List.of(), true), "an ended job takes no more events");
    }

    @DatabaseTest
    void aDeletedOtpStopsItsDeliveryButKeepsWhatWasRecorded(Database database) {
        given(database, Channel.SMS, Channel.VIBER);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        DeliveryEvent dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        DeliveryEvent timedOut = event(job, 0, DeliveryEventStatus.TIMED_OUT);
        store.recordAttempt(job.otpId(), lease, 0, dispatched, timedOut, List.of(UUID.randomUUID()), false);

        new JdbiOtpStore(database).delete(ACCOUNT, job.otpId());

        assertFalse(store.recordAttempt(job.otpId(), lease, 1, event(job, 1, DeliveryEventStatus.DISPATCHED),
                event(job, 1, DeliveryEventStatus.DELIVERED), List.of(), true));
        assertEquals(List.of(dispatched, timedOut), store.events(ACCOUNT, job.otpId()));
        assertEquals(1, new JdbiWebhookStore(database).claim(10, NOW, LEASE).size(), "its webhooks still go out");
    }
}
