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
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStore.ClaimedJob;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.webhook.PendingWebhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
        new JdbiOtpStore(database, real).insert(otp, job);
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
        assertFalse(store.recordDispatched(job.otpId(), staleLease, 0, event(job, 0, DeliveryEventStatus.DISPATCHED),
                List.of()), "the first worker lost its lease");
        assertEquals(List.of(), store.events(ACCOUNT, job.otpId()));
    }

    @DatabaseTest
    void eachStepRecordsItsEventsAndQueuesThemForEveryCallback(Database database) {
        given(database, Channel.SMS, Channel.VIBER);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        List<UUID> callbacks = List.of(UUID.randomUUID(), UUID.randomUUID());
        DeliveryEvent dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        DeliveryEvent undeliverable = event(job, 0, DeliveryEventStatus.UNDELIVERABLE);

        assertTrue(store.recordDispatched(job.otpId(), lease, 0, dispatched, callbacks));
        assertTrue(store.recordOutcome(job.otpId(), lease, 0, undeliverable, callbacks, false));

        assertEquals(List.of(dispatched, undeliverable), store.events(ACCOUNT, job.otpId()));
        assertEquals(List.of(), store.events("other", job.otpId()));
        List<PendingWebhook> queued = new JdbiWebhookStore(database).claim(10, NOW, LEASE);
        assertEquals(2, queued.size(), "one row per callback; the outcome waits behind the DISPATCHED event");
        assertEquals(java.util.Set.copyOf(callbacks),
                java.util.Set.copyOf(queued.stream().map(PendingWebhook::callbackId).toList()));
        assertTrue(queued.stream().allMatch(w -> w.event().equals(dispatched)));

        // released, the job resumes at its second step, not yet dispatched
        store.release(job.otpId(), lease, NOW);
        DeliveryJob resumed = store.claim(1, NOW, LEASE).get(0).job();
        assertEquals(1, resumed.nextPosition());
        assertFalse(resumed.dispatched());
    }

    @DatabaseTest
    void aResumedJobKnowsItsStepWasDispatched(Database database) {
        given(database, Channel.SMS);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        store.recordDispatched(job.otpId(), lease, 0, event(job, 0, DeliveryEventStatus.DISPATCHED), List.of());
        store.release(job.otpId(), lease, NOW.plusSeconds(5));

        assertEquals(List.of(), store.claim(1, NOW.plusSeconds(4), LEASE), "not due before the given time");
        DeliveryJob resumed = store.claim(1, NOW.plusSeconds(5), LEASE).get(0).job();
        assertEquals(0, resumed.nextPosition());
        assertTrue(resumed.dispatched());
    }

    @DatabaseTest
    void theLastOutcomeEndsTheJobAndKeepsTheEvents(Database database) {
        given(database, Channel.SMS);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        DeliveryEvent dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        DeliveryEvent delivered = event(job, 0, DeliveryEventStatus.DELIVERED);

        store.recordDispatched(job.otpId(), lease, 0, dispatched, List.of());
        assertTrue(store.recordOutcome(job.otpId(), lease, 0, delivered, List.of(), true));

        assertEquals(List.of(), store.claim(10, NOW.plus(Duration.ofHours(1)), LEASE), "the job and its code are gone");
        assertEquals(List.of(dispatched, delivered), store.events(ACCOUNT, job.otpId()));
        assertFalse(store.recordOutcome(job.otpId(), lease, 0, event(job, 0, DeliveryEventStatus.DELIVERED),
                List.of(), true), "an ended job takes no more events");
    }

    @DatabaseTest
    void aDeletedOtpStopsItsDeliveryButKeepsWhatWasRecorded(Database database) {
        given(database, Channel.SMS, Channel.VIBER);
        UUID lease = store.claim(1, NOW, LEASE).get(0).lease();
        DeliveryEvent dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        store.recordDispatched(job.otpId(), lease, 0, dispatched, List.of(UUID.randomUUID()));

        new JdbiOtpStore(database, Clock.systemUTC()).delete(ACCOUNT, job.otpId());

        assertFalse(store.recordOutcome(job.otpId(), lease, 0, event(job, 0, DeliveryEventStatus.TIMED_OUT),
                List.of(), false));
        assertEquals(List.of(dispatched), store.events(ACCOUNT, job.otpId()));
        assertEquals(1, new JdbiWebhookStore(database).claim(10, NOW, LEASE).size(), "its webhook still goes out");
    }
}
