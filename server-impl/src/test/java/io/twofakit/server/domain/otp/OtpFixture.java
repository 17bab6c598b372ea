package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.clock.InMemoryAccountClocks;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.TemplateRef;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link OtpService} over in-memory stores, with helpers that set up templates, profiles and priorities. */
final class OtpFixture {

    static final String ACCOUNT = "acme";
    static final String SECRET = "a-test-secret-of-enough-length";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    /** Jobs that the fixture's hand-off takes before it is full. */
    static final int QUEUE_CAPACITY = 2;

    final InMemoryStores.Profiles profiles = new InMemoryStores.Profiles();
    final InMemoryStores.Priorities priorities = new InMemoryStores.Priorities();
    final InMemoryStores.Templates templates = new InMemoryStores.Templates();
    final InMemoryStores.WhatsAppTemplates whatsAppTemplates = new InMemoryStores.WhatsAppTemplates();
    final InMemoryStores.Otps otps = new InMemoryStores.Otps();
    /** Each account's clock, all at {@link #START} until a test moves one. */
    final InMemoryAccountClocks clocks = new InMemoryAccountClocks(Clock.fixed(START, ZoneOffset.UTC));
    final CodeProtection codes = new CodeProtection(SECRET, new SecureRandom());
    final AtomicInteger deliveriesQueued = new AtomicInteger();
    final DeliveryQueue deliveries = new DeliveryQueue(QUEUE_CAPACITY, Clock.fixed(START, ZoneOffset.UTC),
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
                channel.name().toLowerCase() + "_" + language + "_" + templates.byId.size(), language, message, expirationMinutes);
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
        return otps.jobs.stream().filter(j -> j.otpId().equals(otpId)).findFirst()
                .map(job -> codes.open(otpId, job.sealedCode()))
                .orElseThrow();
    }
}
