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
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.limits.RecipientAdmission;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.otp.OtpStatus;
import io.twofakit.server.domain.simulator.Handset;
import io.twofakit.server.domain.simulator.HandsetMessage;
import io.twofakit.server.domain.simulator.InMemoryHandset;
import io.twofakit.server.domain.simulator.SimulatorGateway;
import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.domain.delivery.CallbackTargets;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiDeliveryStore;
import io.twofakit.server.store.JdbiOtpStore;
import io.twofakit.server.store.JdbiWebhookStore;
import io.twofakit.server.support.H2Databases;
import io.twofakit.server.support.MutableClock;
import io.twofakit.server.work.WorkSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Database database = H2Databases.withAccounts(ACCOUNT);
    private final MutableClock clock = new MutableClock(T0);
    private final CodeProtection codes = new CodeProtection("a-test-secret-of-enough-length", new SecureRandom());
    private final Handset handset = new InMemoryHandset(100);
    private final JdbiDeliveryStore deliveries = new JdbiDeliveryStore(database, clock);
    private final JdbiOtpStore otps = new JdbiOtpStore(database);
    private final List<CallbackTarget> callbacks = new ArrayList<>();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final DeliveryQueue queue = new DeliveryQueue(deliveries, 10, clock, LEASE);
    private Map<Channel, ChannelGateway> gateways = simulated(Optional.of(handset));

    @AfterEach
    void close() {
        database.close();
    }

    private Map<Channel, ChannelGateway> simulated(Optional<Handset> recording) {
        Map<Channel, ChannelGateway> all = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, new SimulatorGateway(channel, recording, AccountClocks.shared(clock)));
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
        return new DeliveryWorker(deliveries, queue, gateways, targets, codes, AccountClocks.shared(clock), clock,
                wakeUps::incrementAndGet);
    }

    /** Stores an OTP with its job unleased, as when the queue is full. */
    private UUID send(String to, String code, Channel... channels) {
        Sent sent = sent(to, code, channels);
        deliveries.insert(sent.job(), Optional.empty(),
                transaction -> otps.insert(transaction, sent.otp(), RecipientAdmission.UNLIMITED));
        return sent.otp().id();
    }

    /** Queues an OTP's delivery as the OTP service does: stored leased to this process and handed over. */
    private UUID sendHandedOver(String to, String code, Channel... channels) {
        Sent sent = sent(to, code, channels);
        queue.enqueue(sent.job(), transaction -> otps.insert(transaction, sent.otp(), RecipientAdmission.UNLIMITED));
        return sent.otp().id();
    }

    private record Sent(Otp otp, DeliveryJob job) {
    }

    private Sent sent(String to, String code, Channel... channels) {
        UUID id = UUID.randomUUID();
        Otp otp = new Otp(id, ACCOUNT, UUID.randomUUID(), to, codes.hash(id, code), OtpStatus.ACTIVE, 0, 3, T0,
                T0.plusSeconds(300));
        List<DeliveryStep> steps = new ArrayList<>();
        for (Channel channel : channels) {
            steps.add(new DeliveryStep(steps.size(), channel, "from-" + channel, channel + ": {{otp_code}} ({{expiration_time}} min)", 5));
        }
        return new Sent(otp, DeliveryJob.start(id, ACCOUNT, otp.profileId(), to, codes.seal(id, code), steps));
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
        List<HandsetMessage> received = handset.messages(ACCOUNT, "+4917612345678");
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
                handset.messages(ACCOUNT, "+99999000011").stream().map(HandsetMessage::outcome).toList());
        assertEquals("VIBER: 4711 (5 min)", handset.messages(ACCOUNT, "+99999000011").get(1).text());
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

        assertEquals(8, new JdbiWebhookStore(database).recent(ACCOUNT, 100).size(), "4 events x 2 callbacks");
        assertEquals(2, wakeUps.get(), "the dispatcher is woken after each attempt's events are queued");
    }

    @Test
    void aJobHandedOverIsDeliveredThoughTheStoreHasItLeased() {
        UUID id = sendHandedOver("+4917612345678", "4711", Channel.SMS);
        assertEquals(List.of(), deliveries.claim(10, clock.instant(), LEASE), "no other worker can claim it");

        assertEquals(1, runDueJobs(worker()));

        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
        assertEquals(0, runDueJobs(worker()), "the job ended");
    }

    @Test
    void aHandedOverJobWhoseLeaseRanOutWhileItWaitedIsClaimedFromTheStoreInstead() {
        UUID id = sendHandedOver("+4917612345678", "4711", Channel.SMS);
        DeliveryWorker worker = worker();
        worker.poll(10); // the store asked once: the next store poll is due a second later
        clock.advance(LEASE.plusSeconds(1));
        // another process could claim the job now; this one must not deliver it under the old lease

        WorkSource.Batch batch = worker.poll(10);
        batch.tasks().forEach(Runnable::run);

        assertEquals(1, batch.tasks().size(), "claimed from the store under a new lease");
        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
        assertEquals(1, handset.messages(ACCOUNT, "+4917612345678").size());
    }

    @Test
    void stoppingGivesTheWaitingJobsBackToTheStoreDueAtOnce() {
        UUID id = sendHandedOver("+4917612345678", "4711", Channel.SMS);

        worker().stopped();

        List<DeliveryStore.ClaimedJob> claimed = deliveries.claim(10, clock.instant(), LEASE);
        assertEquals(List.of(id), claimed.stream().map(c -> c.job().otpId()).toList(),
                "the next server takes it without waiting for the lease");
    }

    @Test
    void theStoreIsAskedAgainOnlyWhenSignalledOrAfterItsInterval() {
        DeliveryWorker worker = worker();
        assertEquals(0, worker.poll(10).tasks().size());
        UUID unleased = send("+4917612345678", "4711", Channel.SMS);

        assertEquals(0, worker.poll(10).tasks().size(), "nothing said the store has new work");
        queue.lookInStoreNext();
        assertEquals(1, worker.poll(10).tasks().size(), "told that a job was stored unleased");
        UUID later = send("+4917612345679", "4711", Channel.SMS);
        clock.advance(DeliveryWorker.STORE_POLL);
        List<Runnable> found = worker.poll(10).tasks();

        assertEquals(1, found.size(), "found at the next regular poll");
        found.forEach(Runnable::run);
        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(later));
        assertEquals(List.of(), eventsOf(unleased), "its task was not run here");
    }

    @Test
    void aFailingGatewayLeavesTheJobForALaterTry() {
        gateways = new EnumMap<>(simulated(Optional.of(handset)));
        gateways.put(Channel.SMS, message -> {
            throw new IllegalStateException("gateway down");
        });
        UUID id = send("+4917612345678", "4711", Channel.SMS);

        runDueJobs(worker());
        assertEquals(List.of(), eventsOf(id), "an attempt is recorded once the gateway has answered");
        assertEquals(0, runDueJobs(worker()), "not due again at once");

        gateways = simulated(Optional.of(handset));
        clock.advance(DeliveryWorker.RETRY_AFTER_FAILURE);
        assertEquals(1, runDueJobs(worker()));
        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), eventsOf(id));
    }

    @Test
    void aJobSealedUnderAnotherSecretIsAbandonedNotRetriedForever() {
        UUID id = send("+4917612345678", "4711", Channel.SMS);
        DeliveryWorker withAnotherSecret = new DeliveryWorker(deliveries, queue, gateways, new CallbackTargets() {
            @Override
            public List<CallbackTarget> matching(String accountId, UUID profileId) {
                return List.of();
            }

            @Override
            public Optional<CallbackTarget> find(String accountId, UUID callbackId) {
                return Optional.empty();
            }
        }, new CodeProtection("another-secret-of-enough-length", new SecureRandom()), AccountClocks.shared(clock), clock,
                () -> { });

        assertEquals(1, runDueJobs(withAnotherSecret));

        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, runDueJobs(worker()), "the job is gone");
        assertEquals(List.of(), eventsOf(id));
        assertEquals(List.of(), handset.messages(ACCOUNT, null));
    }

    @Test
    void aDeletedOtpIsNotDelivered() {
        UUID id = send("+4917612345678", "4711", Channel.SMS);
        otps.delete(ACCOUNT, id);

        assertEquals(0, runDueJobs(worker()));
        assertEquals(List.of(), eventsOf(id));
        assertEquals(List.of(), handset.messages(ACCOUNT, null));
    }

    @Test
    void withTheSimulatorOffNothingIsRecorded() {
        gateways = simulated(Optional.empty());
        UUID id = send("+9999900001", "4711", Channel.SMS, Channel.VIBER);

        runDueJobs(worker());

        assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED"), eventsOf(id));
        assertEquals(List.of(), handset.messages(ACCOUNT, null));
    }
}
