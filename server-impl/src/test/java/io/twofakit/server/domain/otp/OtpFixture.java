package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.clock.InMemoryAccountClocks;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.StoreTransaction;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStore;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.TemplateRef;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiDeliveryStore;
import io.twofakit.server.store.JdbiOtpStore;
import io.twofakit.server.store.JdbiPriorityStore;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.store.JdbiTemplateStore;
import io.twofakit.server.store.JdbiWhatsAppTemplateStore;
import io.twofakit.server.support.H2Databases;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An {@link OtpService} over the real stores on a fresh H2 database (close the fixture after the test), with
 * helpers that set up templates, profiles and priorities, and a record of what the service stored.
 */
final class OtpFixture implements AutoCloseable {

    static final String ACCOUNT = "acme";
    static final String SECRET = "a-test-secret-of-enough-length";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    /** Jobs that the fixture's queue takes before it is full. */
    static final int QUEUE_CAPACITY = 2;

    /** A second account, for rules that count per account. */
    static final String OTHER_ACCOUNT = "other";

    private final Database database = H2Databases.withAccounts(ACCOUNT, OTHER_ACCOUNT);
    final JdbiProfileStore profiles = new JdbiProfileStore(database);
    final JdbiPriorityStore priorities = new JdbiPriorityStore(database);
    final JdbiTemplateStore templates = new JdbiTemplateStore(database);
    final JdbiWhatsAppTemplateStore whatsAppTemplates = new JdbiWhatsAppTemplateStore(database);
    final JdbiOtpStore otps = new JdbiOtpStore(database);
    final StoredJobs jobs = new StoredJobs(new JdbiDeliveryStore(database, Clock.fixed(START, ZoneOffset.UTC)));
    private final AtomicInteger templatesMade = new AtomicInteger();
    /** Each account's clock, all at {@link #START} until a test moves one. */
    final InMemoryAccountClocks clocks = new InMemoryAccountClocks(Clock.fixed(START, ZoneOffset.UTC));
    final CodeProtection codes = new CodeProtection(SECRET, new SecureRandom());
    final AtomicInteger deliveriesQueued = new AtomicInteger();
    final DeliveryQueue deliveries = new DeliveryQueue(jobs, QUEUE_CAPACITY, Clock.fixed(START, ZoneOffset.UTC),
            Duration.ofMinutes(2));
    final OtpService service;

    /** A service without limits on sending. */
    OtpFixture() {
        this(SendLimits.none());
    }

    OtpFixture(SendLimits limits) {
        service = new OtpService(otps, profiles, priorities, templates, whatsAppTemplates::findByNameAndLanguage,
                new OtpCodeGenerator(new SecureRandom()), codes, clocks, deliveries, limits);
        deliveries.wakeOnEnqueue(deliveriesQueued::incrementAndGet);
    }

    /** Moves the clock of {@link #ACCOUNT} forward. */
    void advanceClock(Duration by) {
        clocks.advance(ACCOUNT, by);
    }

    /** A text template of {@code channel}, named {@code channel_language_n}. */
    MessageTemplate template(Channel channel, String language, String message, int expirationMinutes) {
        MessageTemplate template = new MessageTemplate(UUID.randomUUID(), ACCOUNT, channel,
                channel.name().toLowerCase() + "_" + language + "_" + templatesMade.getAndIncrement(), language, message, expirationMinutes);
        templates.insert(template);
        return template;
    }

    WhatsAppTemplate whatsAppTemplate(String name, String language, WhatsAppTemplate.ReviewStatus status) {
        WhatsAppTemplate template = new WhatsAppTemplate(UUID.randomUUID().toString(), ACCOUNT, name, language,
                WhatsAppTemplate.OtpButtonType.COPY_CODE, null, null, true, 7, null, "Copy code", status, START, START);
        whatsAppTemplates.insert(template);
        return template;
    }

    Profile profile(String name, int attempts, int codeLength, boolean alphanumeric, ProfileChannel... channels) {
        Profile profile = new Profile(UUID.randomUUID(), ACCOUNT, name, attempts, codeLength, alphanumeric,
                List.of(channels));
        profiles.insert(profile);
        return profile;
    }

    static ProfileChannel channel(Channel channel, TemplateRef... templates) {
        return new ProfileChannel(channel, List.of(templates));
    }

    static TemplateRef ref(MessageTemplate template) {
        return new TemplateRef(template.name(), template.language());
    }

    Priority priority(String name, ChannelRank... ranks) {
        Priority priority = new Priority(UUID.randomUUID(), ACCOUNT, name, List.of(ranks));
        priorities.insert(priority);
        return priority;
    }

    static OtpRequest request(String to, String profileName) {
        return new OtpRequest(to, profileName, null, null, null, null, null, null, null);
    }

    static OtpRequest request(String to, String profileName, String priorityName, String languageCode, String code) {
        return new OtpRequest(to, profileName, priorityName, languageCode, code, null, null, null, null);
    }

    /** The one profile most tests need: SMS in en_US, 3 attempts, 6 digits, codes valid 5 minutes. */
    Profile smsProfile(String name) {
        MessageTemplate sms = template(Channel.SMS, "en_US", "Code {{otp_code}}, valid {{expiration_time}} min", 5);
        return profile(name, 3, 6, false, channel(Channel.SMS, ref(sms)));
    }

    /** The code the delivery job of {@code otpId} carries, unsealed. */
    String codeOf(UUID otpId) {
        return codes.open(otpId, jobs.jobOf(otpId).sealedCode());
    }

    /** How many OTPs of {@link #ACCOUNT} are stored. */
    int storedOtps() {
        return otps.list(ACCOUNT, null, null, Integer.MAX_VALUE).size();
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * The real delivery store, which also keeps the jobs stored through it and the leases they were stored with, for
     * the tests to see what the service queued.
     */
    static final class StoredJobs implements DeliveryStore {
        private final DeliveryStore store;
        private final List<DeliveryJob> jobs = new CopyOnWriteArrayList<>();
        private final Map<UUID, DeliveryQueue.Lease> leases = new ConcurrentHashMap<>();

        StoredJobs(DeliveryStore store) {
            this.store = store;
        }

        @Override
        public void insert(DeliveryJob job, Optional<DeliveryQueue.Lease> lease, Consumer<StoreTransaction> together) {
            store.insert(job, lease, together);
            jobs.add(job);
            lease.ifPresent(held -> leases.put(job.otpId(), held));
        }

        @Override
        public List<ClaimedJob> claim(int max, Instant now, Duration leaseFor) {
            return store.claim(max, now, leaseFor);
        }

        @Override
        public boolean recordAttempt(UUID otpId, UUID lease, int position, DeliveryEvent dispatched,
                                     DeliveryEvent outcome, List<UUID> callbackIds, boolean finished) {
            return store.recordAttempt(otpId, lease, position, dispatched, outcome, callbackIds, finished);
        }

        @Override
        public boolean abandon(UUID otpId, UUID lease) {
            return store.abandon(otpId, lease);
        }

        @Override
        public void release(UUID otpId, UUID lease, Instant dueAgain) {
            store.release(otpId, lease, dueAgain);
        }

        @Override
        public List<DeliveryEvent> events(String accountId, UUID otpId) {
            return store.events(accountId, otpId);
        }

        /** Every delivery job stored, oldest first. */
        List<DeliveryJob> jobs() {
            return List.copyOf(jobs);
        }

        DeliveryJob jobOf(UUID otpId) {
            return jobs.stream().filter(job -> job.otpId().equals(otpId)).findFirst().orElseThrow();
        }

        /** The lease the job of {@code otpId} was stored with; empty when it was stored unleased. */
        Optional<DeliveryQueue.Lease> leaseOf(UUID otpId) {
            return Optional.ofNullable(leases.get(otpId));
        }
    }
}
