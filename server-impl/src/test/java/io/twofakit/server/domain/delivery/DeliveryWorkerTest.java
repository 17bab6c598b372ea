package io.twofakit.server.domain.delivery;

import static io.twofakit.server.domain.delivery.DeliveryEventStatus.DELIVERED;
import static io.twofakit.server.domain.delivery.DeliveryEventStatus.DISPATCHED;
import static io.twofakit.server.domain.delivery.DeliveryEventStatus.TIMED_OUT;
import static io.twofakit.server.domain.delivery.DeliveryEventStatus.UNDELIVERABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.otp.CodeProtection;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.otp.OtpStatus;
import io.twofakit.server.domain.simulator.AdjustableClock;
import io.twofakit.server.domain.simulator.Handset;
import io.twofakit.server.domain.simulator.HandsetMessage;
import io.twofakit.server.domain.simulator.SimulatorGateway;
import io.twofakit.server.domain.webhook.CallbackTarget;
import io.twofakit.server.domain.webhook.CallbackTargets;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiDeliveryStore;
import io.twofakit.server.store.JdbiOtpStore;
import io.twofakit.server.store.JdbiWebhookStore;
import io.twofakit.server.support.H2Databases;
import io.twofakit.server.work.WorkSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery of OTPs over the simulated channels, with real stores on H2. */
class DeliveryWorkerTest {

    private static final String ACCOUNT = "acme";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Database database = H2Databases.withAccounts(ACCOUNT);
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(T0, ZoneOffset.UTC));
    private final CodeProtection codes = new CodeProtection("a-test-secret-of-enough-length", new SecureRandom());
    private final Handset handset = new Handset(100);
    private final JdbiDeliveryStore deliveries = new JdbiDeliveryStore(database, clock);
    private final JdbiOtpStore otps = new JdbiOtpStore(database, clock);
    private final List<CallbackTarget> callbacks = new ArrayList<>();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private Map<Channel, ChannelGateway> gateways = simulated(Optional.of(handset));

    @AfterEach
    void close() {
        database.close();
    }

    private Map<Channel, ChannelGateway> simulated(Optional<Handset> recording) {
        Map<Channel, ChannelGateway> all = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, new SimulatorGateway(channel, recording, clock));
        }
        return all;
    }

    private DeliveryWorker worker() {
        CallbackTargets targets = new CallbackTargets() {
            @Override
            public List<CallbackTarget> matching(String accountId, UUID profileId) {
                return List.copyOf(callbacks);
            }

            @Override
            public Optional<CallbackTarget> find(String accountId, UUID callbackId) {
                return callbacks.stream().filter(c -> c.id().equals(callbackId)).findFirst();
            }
        };
        return new DeliveryWorker(deliveries, gateways, targets, codes, clock, clock, wakeUps::incrementAndGet);
    }

    /** Stores an OTP with its job, as the OTP service does. */
    private UUID send(String to, String code, Channel... channels) {
        UUID id = UUID.randomUUID();
        Otp otp = new Otp(id, ACCOUNT, UUID.randomUUID(), to, codes.hash(id, code), OtpStatus.ACTIVE, 0, 3, T0,
                T0.plusSeconds(300));
        List<DeliveryStep> steps = new ArrayList<>();
        for (Channel channel : channels) {
            steps.add(new DeliveryStep(steps.size(), channel, "from-" + channel, channel + ": {{otp_code}} ({{expiration_time}} min)", 5));
        }
        otps.insert(otp, DeliveryJob.start(id, ACCOUNT, otp.profileId(), to, codes.seal(id, code), steps));
        return id;
    }

    /** Runs every due job to its end, as the work loop would. */
    private int runDueJobs(DeliveryWorker worker) {
        WorkSource.Batch batch = worker.poll(10);
        batch.tasks().forEach(Runnable::run);
        return batch.tasks().size();
    }

    private List<String> eventsOf(UUID otpId) {
        return deliveries.events(ACCOUNT, otpId).stream().map(e -> e.channel() + " " + e.status()).toList();
    }

    @Test
    void anOrdinaryNumberGetsTheMessageOnThePreferredChannel() {
        UUID id = send("+4917612345678", "4711", Channel.SMS, Channel.VIBER);

        assertEquals(1, runDueJobs(worker()));

        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
        List<HandsetMessage> received = handset.messages("+4917612345678");
        assertEquals(1, received.size());
        HandsetMessage message = received.get(0);
        assertEquals("SMS: 4711 (5 min)", message.text());
        assertEquals("from-SMS", message.sender());
        assertEquals(id, message.otpId());
        assertEquals(Channel.SMS, message.channel());
        assertEquals(DELIVERED, message.outcome());
        assertEquals(0, runDueJobs(worker()), "the job ended");
        assertEquals(0, wakeUps.get(), "without callbacks there is nothing to post: the dispatcher sleeps on");
    }

    @Test
    void undeliverableOnThePreferredChannelFallsBackToTheBackup() {
        UUID id = send("+99999000011", "4711", Channel.SMS, Channel.VIBER);

        runDueJobs(worker());

        assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED"), eventsOf(id));
        DeliveryEvent undeliverable = deliveries.events(ACCOUNT, id).get(1);
        assertNotNull(undeliverable.error());
        assertTrue(undeliverable.error().message().contains("SMS"), undeliverable.error().message());
        assertNull(deliveries.events(ACCOUNT, id).get(3).error());
        assertEquals(List.of(UNDELIVERABLE, DELIVERED),
                handset.messages("+99999000011").stream().map(HandsetMessage::outcome).toList());
        assertEquals("VIBER: 4711 (5 min)", handset.messages("+99999000011").get(1).text());
    }

    @Test
    void timedOutOnThePreferredChannelFallsBackToTheBackup() {
        UUID id = send("+9999900002", "4711", Channel.VOICE, Channel.SMS);

        runDueJobs(worker());

        assertEquals(List.of("VOICE DISPATCHED", "VOICE TIMED_OUT", "SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
    }

    @Test
    void everyChannelUndeliverableOrTimedOut() {
        UUID undeliverable = send("+9999900003", "4711", Channel.SMS, Channel.WHATSAPP);
        UUID timedOut = send("+9999900004", "4711", Channel.VIBER, Channel.SMS);

        runDueJobs(worker());

        assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "WHATSAPP DISPATCHED", "WHATSAPP UNDELIVERABLE"),
                eventsOf(undeliverable));
        assertEquals(List.of("VIBER DISPATCHED", "VIBER TIMED_OUT", "SMS DISPATCHED", "SMS TIMED_OUT"),
                eventsOf(timedOut));
        assertEquals(0, runDueJobs(worker()), "a job ends when its last channel failed");
    }

    @Test
    void withoutABackupTheFailureIsTheEnd() {
        UUID id = send("+9999900001", "4711", Channel.SMS);

        runDueJobs(worker());

        assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE"), eventsOf(id));
    }

    @Test
    void eachEventIsQueuedForEveryMatchingCallbackInItsOwnTransaction() {
        callbacks.add(new CallbackTarget(UUID.randomUUID(), "http://a.example/hook", Map.of()));
        callbacks.add(new CallbackTarget(UUID.randomUUID(), "http://b.example/hook", Map.of()));
        send("+9999900001", "4711", Channel.SMS, Channel.VIBER);

        runDueJobs(worker());

        assertEquals(8, new JdbiWebhookStore(database).recent(100).size(), "4 events x 2 callbacks");
        assertEquals(4, wakeUps.get(), "the dispatcher is woken after each event queued for the callbacks");
    }

    @Test
    void aJobWhoseStepWasDispatchedBeforeACrashIsNotReportedTwice() {
        UUID id = send("+4917612345678", "4711", Channel.SMS);
        DeliveryStore.ClaimedJob claimed = deliveries.claim(1, clock.instant(), Duration.ofSeconds(30)).get(0);
        DeliveryEvent dispatched = new DeliveryEvent(UUID.randomUUID(), id, ACCOUNT, claimed.job().profileId(), 0,
                Channel.SMS, DISPATCHED, null, T0);
        deliveries.recordDispatched(id, claimed.lease(), 0, dispatched, List.of());
        // the worker dies here; its lease runs out
        clock.advance(Duration.ofSeconds(31));

        runDueJobs(worker());

        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
    }

    @Test
    void aFailingGatewayLeavesTheJobForALaterTry() {
        gateways = new EnumMap<>(simulated(Optional.of(handset)));
        gateways.put(Channel.SMS, message -> {
            throw new IllegalStateException("gateway down");
        });
        UUID id = send("+4917612345678", "4711", Channel.SMS);

        runDueJobs(worker());
        assertEquals(List.of("SMS DISPATCHED"), eventsOf(id));
        assertEquals(0, runDueJobs(worker()), "not due again at once");

        gateways = simulated(Optional.of(handset));
        clock.advance(DeliveryWorker.RETRY_AFTER_FAILURE);
        assertEquals(1, runDueJobs(worker()));
        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
    }

    @Test
    void aJobSealedUnderAnotherSecretIsAbandonedNotRetriedForever() {
        UUID id = send("+4917612345678", "4711", Channel.SMS);
        DeliveryWorker withAnotherSecret = new DeliveryWorker(deliveries, gateways, new CallbackTargets() {
            @Override
            public List<CallbackTarget> matching(String accountId, UUID profileId) {
                return List.of();
            }

            @Override
            public Optional<CallbackTarget> find(String accountId, UUID callbackId) {
                return Optional.empty();
            }
        }, new CodeProtection("another-secret-of-enough-length", new SecureRandom()), clock, clock, () -> { });

        assertEquals(1, runDueJobs(withAnotherSecret));

        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, runDueJobs(worker()), "the job is gone");
        assertEquals(List.of(), eventsOf(id));
        assertEquals(List.of(), handset.messages(null));
    }

    @Test
    void aDeletedOtpIsNotDelivered() {
        UUID id = send("+4917612345678", "4711", Channel.SMS);
        otps.delete(ACCOUNT, id);

        assertEquals(0, runDueJobs(worker()));
        assertEquals(List.of(), eventsOf(id));
        assertEquals(List.of(), handset.messages(null));
    }

    @Test
    void withTheSimulatorOffNothingIsRecorded() {
        gateways = simulated(Optional.empty());
        UUID id = send("+9999900001", "4711", Channel.SMS, Channel.VIBER);

        runDueJobs(worker());

        assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED"), eventsOf(id));
        assertEquals(List.of(), handset.messages(null));
    }
}
