package io.twofakit.server.store;

import static io.twofakit.server.store.OtpRows.T0;
import static io.twofakit.server.store.OtpRows.event;
import static io.twofakit.server.store.OtpRows.job;
import static io.twofakit.server.store.OtpRows.otp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.webhook.PendingWebhook;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

class JdbiWebhookStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final UUID CALLBACK_A = UUID.randomUUID();
    private static final UUID CALLBACK_B = UUID.randomUUID();

    private JdbiWebhookStore store;
    private DeliveryEvent dispatched;
    private DeliveryEvent timedOut;
    private DeliveryEvent deliveredOnBackup;

    /** One OTP whose SMS timed out and whose Viber delivered: four events, each for callbacks A and B. */
    private void given(Database database) {
        OtpRows.registerAccounts(database);
        Clock real = Clock.fixed(NOW, ZoneOffset.UTC);
        Otp otp = otp("+4917612345678", T0);
        DeliveryJob job = job(otp, Channel.SMS, Channel.VIBER);
        OtpRows.send(database, real, otp, job);
        JdbiDeliveryStore deliveries = new JdbiDeliveryStore(database, real);
        UUID lease = deliveries.claim(1, NOW, LEASE).get(0).lease();
        dispatched = event(job, 0, DeliveryEventStatus.DISPATCHED);
        timedOut = event(job, 0, DeliveryEventStatus.TIMED_OUT);
        deliveredOnBackup = event(job, 1, DeliveryEventStatus.DELIVERED);
        List<UUID> callbacks = List.of(CALLBACK_A, CALLBACK_B);
        deliveries.recordAttempt(job.otpId(), lease, 0, dispatched, timedOut, callbacks, false);
        deliveries.recordAttempt(job.otpId(), lease, 1, event(job, 1, DeliveryEventStatus.DISPATCHED),
                deliveredOnBackup, callbacks, true);
        store = new JdbiWebhookStore(database);
    }

    private PendingWebhook claimedFor(UUID callback, List<PendingWebhook> claimed) {
        return claimed.stream().filter(w -> w.callbackId().equals(callback)).findFirst().orElseThrow();
    }

    @DatabaseTest
    void eventsOfAnOtpGoToEachCallbackInOrder(Database database) {
        given(database);

        List<PendingWebhook> first = store.claim(10, NOW, LEASE);
        assertEquals(2, first.size());
        assertTrue(first.stream().allMatch(w -> w.event().equals(dispatched) && w.attempts() == 0 && !w.afterGivenUp()));
        assertEquals(List.of(), store.claim(10, NOW, LEASE), "leased, and the later events wait behind them");

        PendingWebhook toA = claimedFor(CALLBACK_A, first);
        store.delivered(toA.id(), toA.lease(), 1, NOW);
        List<PendingWebhook> second = store.claim(10, NOW, LEASE);
        assertEquals(1, second.size(), "B's first event is still in flight");
        assertEquals(CALLBACK_A, second.get(0).callbackId());
        assertEquals(timedOut, second.get(0).event());
    }

    @DatabaseTest
    void aFailedAttemptWaitsForItsNextAttemptAndHoldsBackTheLaterEvents(Database database) {
        given(database);
        PendingWebhook toA = claimedFor(CALLBACK_A, store.claim(10, NOW, LEASE));

        store.retryLater(toA.id(), toA.lease(), 1, NOW.plusSeconds(2), "HTTP 500", NOW);

        assertEquals(Optional.of(NOW.plusSeconds(2)), store.nextDue(NOW));
        assertEquals(List.of(), store.claim(10, NOW.plusSeconds(1), LEASE));
        List<PendingWebhook> retried = store.claim(10, NOW.plusSeconds(2), LEASE);
        assertEquals(1, retried.size());
        assertEquals(dispatched, retried.get(0).event());
        assertEquals(1, retried.get(0).attempts());
        assertEquals(Optional.empty(), store.nextDue(NOW.plusSeconds(2)));
    }

    @DatabaseTest
    void laterEventsOfAGivenUpOneAreMarkedSo(Database database) {
        given(database);
        PendingWebhook toA = claimedFor(CALLBACK_A, store.claim(10, NOW, LEASE));

        store.giveUp(toA.id(), toA.lease(), 10, "HTTP 503", NOW);

        List<PendingWebhook> next = store.claim(10, NOW, LEASE);
        assertEquals(1, next.size());
        assertEquals(timedOut, next.get(0).event());
        assertTrue(next.get(0).afterGivenUp());
    }

    @DatabaseTest
    void aLostLeaseChangesNothing(Database database) {
        given(database);
        PendingWebhook toA = claimedFor(CALLBACK_A, store.claim(10, NOW, LEASE));

        store.delivered(toA.id(), UUID.randomUUID(), 1, NOW);

        PendingWebhook again = claimedFor(CALLBACK_A, store.claim(10, NOW.plus(LEASE).plusSeconds(1), LEASE));
        assertEquals(toA.id(), again.id());
        assertFalse(again.lease().equals(toA.lease()));
    }

    @DatabaseTest
    void recentRowsOfTheAccountNewestFirstWithTheirStates(Database database) {
        given(database);
        List<PendingWebhook> first = store.claim(10, NOW, LEASE);
        PendingWebhook toA = claimedFor(CALLBACK_A, first);
        PendingWebhook toB = claimedFor(CALLBACK_B, first);
        store.delivered(toA.id(), toA.lease(), 1, NOW);
        store.retryLater(toB.id(), toB.lease(), 1, NOW.plusSeconds(1), "x".repeat(2000), NOW);

        List<WebhookRecord> recent = store.recent(OtpRows.ACCOUNT, 10);

        assertEquals(8, recent.size());
        assertEquals(deliveredOnBackup.id(), recent.get(0).eventId());
        WebhookRecord deliveredToA = recent.stream()
                .filter(r -> r.eventId().equals(dispatched.id()) && r.callbackId().equals(CALLBACK_A)).findFirst().orElseThrow();
        assertEquals(WebhookState.DELIVERED, deliveredToA.state());
        assertEquals(dispatched.occurred(), deliveredToA.eventTime(), "the event's own time, on the account's clock");
        WebhookRecord failedToB = recent.stream()
                .filter(r -> r.eventId().equals(dispatched.id()) && r.callbackId().equals(CALLBACK_B)).findFirst().orElseThrow();
        assertEquals(WebhookState.PENDING, failedToB.state());
        assertEquals(JdbiWebhookStore.MAX_ERROR, failedToB.lastError().length(), "long errors are cut to the column");
        assertEquals(Channel.SMS, failedToB.channel());
        assertEquals(2, store.recent(OtpRows.ACCOUNT, 2).size());
        assertEquals(List.of(), store.recent(OtpRows.OTHER_ACCOUNT, 10), "another account sees none of them");
    }
}
