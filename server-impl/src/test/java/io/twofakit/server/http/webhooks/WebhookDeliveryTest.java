package io.twofakit.server.http.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.domain.webhook.WebhookSettings;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.delivery.ChannelGateway;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStep;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryWorker;
import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.limits.RecipientAdmission;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.otp.OtpStatus;
import io.twofakit.server.domain.simulator.SimulatorGateway;
import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.domain.delivery.CallbackTargets;
import io.twofakit.server.domain.webhook.WebhookDeliveries;
import io.twofakit.server.domain.webhook.WebhookDispatcher;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookState;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiDeliveryStore;
import io.twofakit.server.store.JdbiOtpStore;
import io.twofakit.server.store.JdbiWebhookStore;
import io.twofakit.server.support.H2Databases;
import io.twofakit.server.support.MutableClock;
import io.twofakit.server.work.WorkSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery events posted by the dispatcher over HTTP to a real receiver: bodies, headers, order, retries with
 * backoff, giving up. The dispatcher's clock is moved by the test, so no test waits for a backoff.
 */
class WebhookDeliveryTest {

    private static final String ACCOUNT = "acme";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final WebhookSettings SETTINGS =
            new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(4), 3, Duration.ofMillis(500));

    private final Database database = H2Databases.withAccounts(ACCOUNT);
    private final MutableClock clock = new MutableClock(T0);
    private final CodeProtection codes = new CodeProtection("a-test-secret-of-enough-length", new SecureRandom());
    private final JdbiDeliveryStore deliveries = new JdbiDeliveryStore(database, clock);
    private final JdbiWebhookStore webhooks = new JdbiWebhookStore(database);
    private final Map<UUID, CallbackTarget> callbacks = new LinkedHashMap<>();
    private final RecordingWebhookReceiver receiver = RecordingWebhookReceiver.start();
    private final CallbackTargets targets = new CallbackTargets() {
        @Override
        public List<CallbackTarget> matching(String accountId, UUID profileId) {
            return List.copyOf(callbacks.values());
        }

        @Override
        public Optional<CallbackTarget> find(String accountId, UUID callbackId) {
            return ACCOUNT.equals(accountId) ? Optional.ofNullable(callbacks.get(callbackId)) : Optional.empty();
        }
    };
    private final WebhookDispatcher dispatcher =
            new WebhookDispatcher(webhooks, targets, new HttpWebhookSender(SETTINGS.timeout()), SETTINGS, clock);

    @AfterEach
    void close() {
        receiver.close();
        database.close();
    }

    private CallbackTarget callback(String url, Map<String, String> headers) {
        CallbackTarget target = new CallbackTarget(UUID.randomUUID(), url, headers);
        callbacks.put(target.id(), target);
        return target;
    }

    /** Sends an OTP to {@code to} over SMS then Viber and runs its delivery: its events are in the outbox then. */
    private UUID deliver(String to) {
        UUID id = UUID.randomUUID();
        Otp otp = new Otp(id, ACCOUNT, UUID.randomUUID(), to, codes.hash(id, "4711"), OtpStatus.ACTIVE, 0, 3, T0,
                T0.plusSeconds(300));
        List<DeliveryStep> steps = List.of(new DeliveryStep(0, Channel.SMS, null, "{{otp_code}}", 5),
                new DeliveryStep(1, Channel.VIBER, null, "{{otp_code}}", 5));
        deliveries.insert(DeliveryJob.start(id, ACCOUNT, otp.profileId(), to, codes.seal(id, "4711"), steps),
                Optional.empty(), transaction -> new JdbiOtpStore(database).insert(transaction, otp,
                        RecipientAdmission.UNLIMITED));
        Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            gateways.put(channel, new SimulatorGateway(channel, Optional.empty(), AccountClocks.shared(clock)));
        }
        DeliveryWorker worker = new DeliveryWorker(deliveries, new DeliveryQueue(deliveries, 1, clock, Duration.ofMinutes(2)),
                gateways, targets, codes, AccountClocks.shared(clock), clock, () -> { });
        worker.poll(10).tasks().forEach(Runnable::run);
        return id;
    }

    /** Polls and runs the dispatcher's work until nothing more is due now; answers how many attempts it made. */
    private int dispatchDue() {
        int attempts = 0;
        while (true) {
            WorkSource.Batch batch = dispatcher.poll(10);
            if (batch.tasks().isEmpty()) {
                return attempts;
            }
            batch.tasks().forEach(Runnable::run);
            attempts += batch.tasks().size();
        }
    }

    private static List<String> statuses(List<RecordingWebhookReceiver.Received> received) {
        return received.stream().map(r -> r.json().get("channel").asText() + " " + r.json().get("status").asText()).toList();
    }

    @Test
    void postsEveryEventInOrderWithTheConfiguredHeadersAndAStableEventId() {
        callback(receiver.url("/hooks/a"), Map.of("Authorization", "Bearer secret-token", "X-Custom", "42"));
        UUID otpId = deliver("+9999900001");

        assertEquals(4, dispatchDue());

        List<RecordingWebhookReceiver.Received> received = receiver.received();
        assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED"),
                statuses(received));
        List<DeliveryEvent> events = deliveries.events(ACCOUNT, otpId);
        for (int i = 0; i < 4; i++) {
            RecordingWebhookReceiver.Received request = received.get(i);
            assertEquals("/hooks/a", request.path());
            assertEquals("Bearer secret-token", request.header("Authorization"));
            assertEquals("42", request.header("X-Custom"));
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals(events.get(i).id().toString(), request.header("X-Twofa-Event-Id"));
            JsonNode body = request.json();
            assertEquals(otpId.toString(), body.get("otpId").asText());
            assertEquals(events.get(i).profileId().toString(), body.get("profileId").asText());
            assertTrue(body.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                    body.get("timestamp").asText());
        }
        JsonNode undeliverable = received.get(1).json();
        assertEquals("simulator::undeliverable", undeliverable.get("error").get("code").asText());
        assertFalse(undeliverable.get("error").get("message").asText().isBlank());
        assertNull(received.get(3).json().get("error"), "only UNDELIVERABLE carries an error");
    }

    @Test
    void aFailedEventIsRetriedAfterTheBackoffWithTheSameIdAndHoldsBackTheLaterOnes() {
        callback(receiver.url("/hook"), Map.of());
        deliver("+4917612345678");
        receiver.failNext(1, 500);

        assertEquals(1, dispatchDue(), "the DELIVERED event waits behind the failed DISPATCHED one");
        assertEquals(Optional.of(T0.plus(SETTINGS.retryBase())), webhooks.nextDue(clock.instant()));
        clock.advance(SETTINGS.retryBase().minusMillis(1));
        assertEquals(0, dispatchDue(), "not before the backoff");
        clock.advance(Duration.ofMillis(1));
        assertEquals(2, dispatchDue());

        List<RecordingWebhookReceiver.Received> received = receiver.received();
        assertEquals(List.of("SMS DISPATCHED", "SMS DISPATCHED", "SMS DELIVERED"), statuses(received));
        assertEquals(received.get(0).header("X-Twofa-Event-Id"), received.get(1).header("X-Twofa-Event-Id"));
    }

    @Test
    void backsOffExponentiallyThenGivesUpAndGivesUpTheLaterEventsWithoutPostingThem() {
        callback(receiver.url("/hook"), Map.of());
        deliver("+4917612345678");
        receiver.failNext(100, 503);

        assertEquals(1, dispatchDue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, dispatchDue());
        assertEquals(Optional.of(clock.instant().plusSeconds(2)), webhooks.nextDue(clock.instant()), "1 s, then 2 s");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(2, dispatchDue(), "the third and last attempt, then the later event is given up unsent");

        assertEquals(3, receiver.received().size());
        List<WebhookRecord> records = webhooks.recent(ACCOUNT, 10);
        assertTrue(records.stream().allMatch(r -> r.state() == WebhookState.FAILED), records.toString());
        WebhookRecord dispatched = records.get(1);
        assertEquals(3, dispatched.attempts());
        assertEquals("HTTP 503", dispatched.lastError());
        assertTrue(records.get(0).lastError().contains("earlier event"), records.get(0).lastError());
        assertEquals(Optional.empty(), webhooks.nextDue(clock.instant()));
    }

    @Test
    void eventsToACallbackDeletedMeanwhileAreGivenUp() {
        CallbackTarget target = callback(receiver.url("/hook"), Map.of());
        deliver("+4917612345678");
        callbacks.remove(target.id());

        dispatchDue();

        assertEquals(List.of(), receiver.received());
        assertTrue(webhooks.recent(ACCOUNT, 10).stream().allMatch(r -> r.state() == WebhookState.FAILED));
    }

    @Test
    void aRefusedConnectionIsAFailedAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        callback("http://127.0.0.1:" + closedPort + "/hook", Map.of());
        deliver("+4917612345678");

        assertEquals(1, dispatchDue());

        WebhookRecord record = webhooks.recent(ACCOUNT, 10).get(1);
        assertEquals(WebhookState.PENDING, record.state());
        assertEquals(1, record.attempts());
        // refused at once, or, on a machine too busy to see the refusal within the connect timeout, timed out
        assertTrue(record.lastError().contains("Connect") || record.lastError().contains("timed out"),
                record.lastError());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() {
        callback(receiver.url("/hook"), Map.of());
        deliver("+4917612345678");
        receiver.holdAnswers();

        assertEquals(1, dispatchDue());
        receiver.releaseAnswers();

        WebhookRecord record = webhooks.recent(ACCOUNT, 10).get(1);
        assertEquals(WebhookState.PENDING, record.state());
        assertTrue(record.lastError().contains("timed out"), record.lastError());
    }

    @Test
    void headersThatCannotBeSentAreLeftOut() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "evil.example");
        headers.put("Content-Type", "text/plain");
        headers.put("X-Twofa-Event-Id", "forged");
        headers.put("X-Broken", "line\nbreak");
        headers.put("X-Fine", "yes");
        callback(receiver.url("/hook"), headers);
        deliver("+4917612345678");

        assertEquals(2, dispatchDue());

        RecordingWebhookReceiver.Received first = receiver.received().get(0);
        assertEquals("yes", first.header("X-Fine"));
        assertEquals("application/json", first.header("Content-Type"));
        assertFalse(first.header("X-Twofa-Event-Id").equals("forged"));
        assertNull(first.header("X-Broken"));
        assertFalse(first.header("Host").contains("evil"));
    }

    @Test
    void aUrlThatIsNotHttpIsAFailedAttempt() {
        callback("ftp://example.com/hook", Map.of());
        deliver("+4917612345678");

        dispatchDue();

        assertTrue(webhooks.recent(ACCOUNT, 10).get(1).lastError().contains("not an http"), webhooks.recent(ACCOUNT, 10).toString());
    }

    /** Moves the clock to each next attempt and makes it, until {@code until} or until nothing is pending. */
    private void dispatchUntil(WebhookDispatcher dispatcher, Instant until) {
        while (true) {
            WorkSource.Batch batch;
            do {
                batch = dispatcher.poll(10);
                batch.tasks().forEach(Runnable::run);
            } while (!batch.tasks().isEmpty());
            Optional<Instant> next = webhooks.nextDue(clock.instant());
            if (next.isEmpty() || next.get().isAfter(until)) {
                return;
            }
            clock.advance(Duration.between(clock.instant(), next.get()));
        }
    }

    @Test
    void withTheDefaultScheduleAReceiverDownForHoursLosesNothingAndIsServedWithinMinutesOfComingBack()
            throws IOException {
        WebhookSettings defaults = WebhookSettings.DEFAULTS;
        WebhookSettings schedule = new WebhookSettings(defaults.retryBase(), defaults.retryMax(), defaults.maxAttempts(),
                Duration.ofMillis(500));
        WebhookDispatcher patient = new WebhookDispatcher(webhooks, targets, new HttpWebhookSender(schedule.timeout()),
                schedule, clock);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        callback("http://127.0.0.1:" + port + "/hook", Map.of());
        UUID otpId = deliver("+9999900001");
        Instant refusedUntil = T0.plus(Duration.ofHours(2));
        Instant unavailableUntil = refusedUntil.plus(Duration.ofHours(3));

        dispatchUntil(patient, refusedUntil);
        assertTrue(webhooks.recent(ACCOUNT, 10).stream().allMatch(r -> r.state() == WebhookState.PENDING
                && r.lastError() == null || r.lastError().contains("Connect")), webhooks.recent(ACCOUNT, 10).toString());
        try (RecordingWebhookReceiver comesBack = RecordingWebhookReceiver.startOn(port)) {
            comesBack.failNext(Integer.MAX_VALUE, 503);
            dispatchUntil(patient, unavailableUntil);
            int refusedAnswers = comesBack.received().size();
            assertTrue(refusedAnswers >= 30, "attempts during 3 hours of 503: " + refusedAnswers);
            assertTrue(webhooks.recent(ACCOUNT, 10).stream().noneMatch(r -> r.state() == WebhookState.FAILED));

            comesBack.failNext(0, 503);
            dispatchUntil(patient, unavailableUntil.plus(Duration.ofHours(1)));

            assertTrue(webhooks.recent(ACCOUNT, 10).stream().allMatch(r -> r.state() == WebhookState.DELIVERED),
                    webhooks.recent(ACCOUNT, 10).toString());
            List<RecordingWebhookReceiver.Received> delivered = comesBack.received().subList(refusedAnswers,
                    comesBack.received().size());
            assertEquals(List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED"),
                    statuses(delivered));
            assertEquals(deliveries.events(ACCOUNT, otpId).stream().map(e -> e.id().toString()).toList(),
                    delivered.stream().map(r -> r.header("X-Twofa-Event-Id")).toList());
            Instant firstServed = webhooks.recent(ACCOUNT, 10).stream().map(WebhookRecord::updated).min(Instant::compareTo)
                    .orElseThrow();
            assertTrue(!firstServed.isAfter(unavailableUntil.plus(defaults.retryMax())),
                    "served within the longest backoff of coming back: " + firstServed);
        }
    }

    @Test
    void failedDeliveriesAreListedWithTheirLastErrorAndDeliveredAgainOnRequestWithTheSameEventIds() {
        CallbackTarget target = callback(receiver.url("/hook"), Map.of());
        WebhookDeliveries accountDeliveries = new WebhookDeliveries(webhooks, targets, clock, () -> { });
        deliver("+4917612345678");
        receiver.failNext(3, 503);
        dispatchUntil(dispatcher, T0.plus(Duration.ofMinutes(1)));

        List<WebhookDeliveries.Delivery> failed =
                accountDeliveries.list(ACCOUNT, Optional.of(WebhookState.FAILED), Optional.of(target.id()));
        assertEquals(2, failed.size(), failed.toString());
        assertEquals("HTTP 503", failed.get(1).record().lastError());
        assertEquals(Optional.of(target.url()), failed.get(0).url());
        assertEquals(List.of(), accountDeliveries.list("another-account", Optional.empty(), Optional.empty()));

        assertEquals(2, accountDeliveries.redeliverFailed(ACCOUNT, target.id()));
        dispatchUntil(dispatcher, clock.instant().plus(Duration.ofMinutes(1)));

        List<RecordingWebhookReceiver.Received> received = receiver.received();
        assertEquals(List.of("SMS DISPATCHED", "SMS DISPATCHED", "SMS DISPATCHED", "SMS DISPATCHED", "SMS DELIVERED"),
                statuses(received));
        assertEquals(received.get(0).header("X-Twofa-Event-Id"), received.get(3).header("X-Twofa-Event-Id"));
        assertEquals(failed.get(0).record().eventId().toString(), received.get(4).header("X-Twofa-Event-Id"));
        assertTrue(accountDeliveries.list(ACCOUNT, Optional.empty(), Optional.empty()).stream()
                .allMatch(d -> d.record().state() == WebhookState.DELIVERED));
    }

    @Test
    void deliveringOneFailedEventAgainBringsBackTheEarlierOnesOfItsOtpFirst() {
        CallbackTarget target = callback(receiver.url("/hook"), Map.of());
        WebhookDeliveries accountDeliveries = new WebhookDeliveries(webhooks, targets, clock, () -> { });
        deliver("+4917612345678");
        receiver.failNext(3, 503);
        dispatchUntil(dispatcher, T0.plus(Duration.ofMinutes(1)));
        List<WebhookDeliveries.Delivery> failed =
                accountDeliveries.list(ACCOUNT, Optional.of(WebhookState.FAILED), Optional.of(target.id()));
        UUID later = failed.get(0).record().id();

        WebhookDeliveries.Delivery again = accountDeliveries.redeliver(ACCOUNT, later);

        assertEquals(WebhookState.PENDING, again.record().state());
        assertEquals(0, again.record().attempts());
        assertEquals(2, accountDeliveries.list(ACCOUNT, Optional.of(WebhookState.PENDING), Optional.empty()).size());
        dispatchUntil(dispatcher, clock.instant().plus(Duration.ofMinutes(1)));
        assertEquals(List.of("SMS DISPATCHED", "SMS DELIVERED"), statuses(receiver.received().subList(3, 5)));
        assertThrows(ConflictException.class, () -> accountDeliveries.redeliver(ACCOUNT, later),
                "a delivered event is not FAILED");
        assertThrows(ResourceNotFoundException.class, () -> accountDeliveries.redeliver("another-account", later));
        assertThrows(ResourceNotFoundException.class,
                () -> accountDeliveries.redeliverFailed("another-account", target.id()));
    }
}
