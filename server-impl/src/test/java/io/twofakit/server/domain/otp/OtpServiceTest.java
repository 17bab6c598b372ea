package io.twofakit.server.domain.otp;

import static io.twofakit.server.domain.otp.OtpFixture.ACCOUNT;
import static io.twofakit.server.domain.otp.OtpFixture.START;
import static io.twofakit.server.domain.otp.OtpFixture.channel;
import static io.twofakit.server.domain.otp.OtpFixture.ref;
import static io.twofakit.server.domain.otp.OtpFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStep;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.profile.TemplateRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtpServiceTest {

    private final OtpFixture fixture = new OtpFixture();
    private final OtpService service = fixture.service;

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    private DeliveryJob jobOf(UUID otpId) {
        return fixture.jobs.jobOf(otpId);
    }

    private List<Channel> channelsOf(UUID otpId) {
        return jobOf(otpId).steps().stream().map(DeliveryStep::channel).toList();
    }

    @Nested
    class Sending {

        @Test
        void storesTheOtpWithAKeyedHashAndTheJobWithTheSealedCode() {
            Profile profile = fixture.smsProfile("login");

            UUID id = service.send(ACCOUNT, request("+4917612345678", "login", null, null, "1abc3r"));

            Otp otp = fixture.otps.find(ACCOUNT, id).orElseThrow();
            assertEquals("+4917612345678", otp.to());
            assertEquals(OtpStatus.ACTIVE, otp.status());
            assertEquals(0, otp.attemptCount());
            assertEquals(3, otp.allowedAttempts());
            assertEquals(profile.id(), otp.profileId());
            assertEquals(START, otp.created());
            assertEquals(START.plus(Duration.ofMinutes(5)), otp.expires());
            assertFalse(otp.codeHash().contains("1abc3r"), "the hash must not contain the code");
            assertTrue(fixture.codes.matches(id, "1abc3r", otp.codeHash()));

            DeliveryJob job = jobOf(id);
            assertFalse(new String(job.sealedCode(), StandardCharsets.ISO_8859_1).contains("1abc3r"),
                    "the job must keep the code sealed");
            assertEquals("1abc3r", fixture.codeOf(id));
            assertEquals(1, fixture.deliveriesQueued.get(), "the delivery workers are woken");
        }

        @Test
        void storesEachJobLeasedToTheDeliveryWorkersUntilTheHandOffIsFull() {
            fixture.smsProfile("login");

            List<UUID> sent = new java.util.ArrayList<>();
            for (int i = 0; i <= OtpFixture.QUEUE_CAPACITY; i++) {
                sent.add(service.send(ACCOUNT, request("+4917612345678", "login")));
            }

            for (UUID handedOver : sent.subList(0, OtpFixture.QUEUE_CAPACITY)) {
                DeliveryQueue.Lease lease = fixture.jobs.leaseOf(handedOver)
                        .orElseThrow(() -> new AssertionError("stored leased to this process's workers"));
                assertEquals(START.plus(Duration.ofMinutes(2)), lease.until());
            }
            UUID beyond = sent.get(OtpFixture.QUEUE_CAPACITY);
            assertFalse(fixture.jobs.leaseOf(beyond).isPresent(), "the queue is full: stored for any worker to claim");
            assertEquals(sent.size(), fixture.deliveriesQueued.get(), "the delivery workers are woken for each");
        }

        @Test
        void generatesDigitsOfTheProfilesLength() {
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "{{otp_code}}", 3);
            fixture.profile("digits", 3, 9, false, channel(Channel.SMS, ref(sms)));

            for (int i = 0; i < 20; i++) {
                UUID id = service.send(ACCOUNT, request("+4917612345678", "digits"));
                assertTrue(fixture.codeOf(id).matches("[0-9]{9}"), fixture.codeOf(id));
            }
        }

        @Test
        void generatesLowercaseLettersAndDigitsForAnAlphanumericProfile() {
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "{{otp_code}}", 3);
            fixture.profile("alnum", 3, 8, true, channel(Channel.SMS, ref(sms)));

            boolean letterSeen = false;
            for (int i = 0; i < 20; i++) {
                String code = fixture.codeOf(service.send(ACCOUNT, request("+4917612345678", "alnum")));
                assertTrue(code.matches("[a-z0-9]{8}"), code);
                letterSeen |= code.matches(".*[a-z].*");
            }
            assertTrue(letterSeen, "20 alphanumeric codes without a single letter");
        }

        @Test
        void refusesAnUnknownProfileAndAnUnknownPriorityNamingBoth() {
            ValidationFailedException e = assertThrows(ValidationFailedException.class,
                    () -> service.send(ACCOUNT, request("+4917612345678", "nope", "nope-either", null, null)));
            assertEquals(List.of("priorityName", "profileName"),
                    e.violations().stream().map(Violation::field).sorted().toList());
            assertEquals(0, fixture.storedOtps());
            assertEquals(0, fixture.deliveriesQueued.get());
        }

        @Test
        void refusesAnUnknownPriority() {
            fixture.smsProfile("login");
            ValidationFailedException e = assertThrows(ValidationFailedException.class,
                    () -> service.send(ACCOUNT, request("+4917612345678", "login", "missing", null, null)));
            assertEquals("priorityName", e.violations().get(0).field());
        }

        @Test
        void doesNotSeeAnotherAccountsProfile() {
            fixture.smsProfile("login");
            ValidationFailedException e = assertThrows(ValidationFailedException.class,
                    () -> service.send("other-account", request("+4917612345678", "login")));
            assertEquals("profileName", e.violations().get(0).field());
        }
    }

    @Nested
    class ChannelsAndTemplates {

        @Test
        void triesTheProfilesChannelsInTheProfilesOrder() {
            MessageTemplate viber = fixture.template(Channel.VIBER, "en", "v {{otp_code}}", 3);
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "s {{otp_code}}", 3);
            fixture.profile("two", 3, 6, false, channel(Channel.VIBER, ref(viber)), channel(Channel.SMS, ref(sms)));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "two"));

            assertEquals(List.of(Channel.VIBER, Channel.SMS), channelsOf(id));
        }

        @Test
        void aPriorityOrdersTheChannelsByAscendingPriority() {
            MessageTemplate viber = fixture.template(Channel.VIBER, "en", "v {{otp_code}}", 3);
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "s {{otp_code}}", 4);
            fixture.profile("two", 3, 6, false, channel(Channel.VIBER, ref(viber)), channel(Channel.SMS, ref(sms)));
            fixture.priority("sms-first", new ChannelRank(Channel.VIBER, 7), new ChannelRank(Channel.SMS, 2));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "two", "sms-first", null, null));

            assertEquals(List.of(Channel.SMS, Channel.VIBER), channelsOf(id));
            Otp otp = fixture.otps.find(ACCOUNT, id).orElseThrow();
            assertEquals(START.plus(Duration.ofMinutes(4)), otp.expires(), "the first channel's template decides");
        }

        @Test
        void aPriorityLeavesOutChannelsTheProfileDoesNotHave() {
            fixture.smsProfile("sms-only");
            fixture.priority("voice-then-sms", new ChannelRank(Channel.VOICE, 1), new ChannelRank(Channel.SMS, 2));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "sms-only", "voice-then-sms", null, null));

            assertEquals(List.of(Channel.SMS), channelsOf(id));
        }

        @Test
        void aPriorityWithoutAnyOfTheProfilesChannelsIsRefused() {
            fixture.smsProfile("sms-only");
            fixture.priority("voice", new ChannelRank(Channel.VOICE, 1));

            ValidationFailedException e = assertThrows(ValidationFailedException.class,
                    () -> service.send(ACCOUNT, request("+4917612345678", "sms-only", "voice", null, null)));
            assertEquals("priorityName", e.violations().get(0).field());
        }

        @Test
        void picksTheTemplateOfTheRequestedLanguage() {
            MessageTemplate de = fixture.template(Channel.SMS, "de", "Ihr Code {{otp_code}}", 3);
            MessageTemplate enUs = fixture.template(Channel.SMS, "en_US", "Your code {{otp_code}}", 3);
            fixture.profile("multi", 3, 6, false, channel(Channel.SMS, ref(de), ref(enUs)));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "multi", null, "en_US", "4711"));

            assertEquals("Your code 4711", jobOf(id).steps().get(0).render("4711"));
        }

        @Test
        void fallsBackToTheBaseLanguage() {
            MessageTemplate de = fixture.template(Channel.SMS, "de", "Ihr Code {{otp_code}}", 3);
            MessageTemplate en = fixture.template(Channel.SMS, "en", "Your code {{otp_code}}", 3);
            fixture.profile("multi", 3, 6, false, channel(Channel.SMS, ref(de), ref(en)));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "multi", null, "en_GB", "4711"));

            assertEquals("Your code 4711", jobOf(id).steps().get(0).render("4711"));
        }

        @Test
        void skipsAChannelWithoutTheLanguageOrItsBase() {
            MessageTemplate viberDe = fixture.template(Channel.VIBER, "de", "v {{otp_code}}", 3);
            MessageTemplate smsEn = fixture.template(Channel.SMS, "en", "s {{otp_code}}", 3);
            fixture.profile("mixed", 3, 6, false, channel(Channel.VIBER, ref(viberDe)), channel(Channel.SMS, ref(smsEn)));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "mixed", null, "en_US", null));

            assertEquals(List.of(Channel.SMS), channelsOf(id));
        }

        @Test
        void refusesALanguageNoChannelHas() {
            fixture.smsProfile("login");
            ValidationFailedException e = assertThrows(ValidationFailedException.class,
                    () -> service.send(ACCOUNT, request("+4917612345678", "login", null, "fr", null)));
            assertEquals("languageCode", e.violations().get(0).field());
        }

        @Test
        void withoutALanguageTakesEachChannelsFirstTemplate() {
            MessageTemplate de = fixture.template(Channel.SMS, "de", "Ihr Code {{otp_code}}", 3);
            MessageTemplate en = fixture.template(Channel.SMS, "en", "Your code {{otp_code}}", 3);
            fixture.profile("multi", 3, 6, false, channel(Channel.SMS, ref(de), ref(en)));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "multi"));

            assertEquals("Ihr Code 1", jobOf(id).steps().get(0).render("1"));
        }

        @Test
        void rendersTheCodeAndTheMinutesOfTheOtpsValidity() {
            MessageTemplate viber = fixture.template(Channel.VIBER, "en", "{{otp_code}} for {{expiration_time}} min", 10);
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "{{otp_code}} ({{expiration_time}})", 2);
            fixture.profile("two", 3, 6, false, channel(Channel.VIBER, ref(viber)), channel(Channel.SMS, ref(sms)));

            UUID id = service.send(ACCOUNT, request("+4917612345678", "two", null, null, "abcd"));

            List<DeliveryStep> steps = jobOf(id).steps();
            assertEquals("abcd for 10 min", steps.get(0).render("abcd"));
            assertEquals("abcd (10)", steps.get(1).render("abcd"), "the backup renders the OTP's own validity");
        }

        @Test
        void usesEachChannelsSender() {
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "{{otp_code}}", 3);
            MessageTemplate viber = fixture.template(Channel.VIBER, "en", "{{otp_code}}", 3);
            MessageTemplate voice = fixture.template(Channel.VOICE, "en", "{{otp_code}}", 3);
            fixture.profile("all", 3, 6, false, channel(Channel.SMS, ref(sms)), channel(Channel.VIBER, ref(viber)),
                    channel(Channel.VOICE, ref(voice)));

            UUID id = service.send(ACCOUNT, new OtpRequest("+4917612345678", "all", null, null, null, "ACME",
                    "12345", "ACME Voice", "+4900000000"));

            assertEquals(List.of("ACME", "12345", "ACME Voice"),
                    jobOf(id).steps().stream().map(DeliveryStep::sender).toList());
        }

        @Test
        void usesAWhatsAppTemplateOnlyOnceApproved() {
            fixture.whatsAppTemplate("wa_pending", "en", WhatsAppTemplate.ReviewStatus.PENDING);
            fixture.whatsAppTemplate("wa_ok", "de", WhatsAppTemplate.ReviewStatus.APPROVED);
            MessageTemplate sms = fixture.template(Channel.SMS, "en", "{{otp_code}}", 3);
            fixture.profile("wa-pending", 3, 6, false,
                    channel(Channel.WHATSAPP, new TemplateRef("wa_pending", "en")), channel(Channel.SMS, ref(sms)));
            fixture.profile("wa-ok", 3, 6, false, channel(Channel.WHATSAPP, new TemplateRef("wa_ok", "de")));

            assertEquals(List.of(Channel.SMS), channelsOf(service.send(ACCOUNT, request("+4917612345678", "wa-pending"))));
            UUID approved = service.send(ACCOUNT, request("+4917612345678", "wa-ok", null, null, "9876"));
            DeliveryStep step = jobOf(approved).steps().get(0);
            assertEquals(Channel.WHATSAPP, step.channel());
            assertTrue(step.render("9876").contains("9876"), step.render("9876"));
            assertEquals(START.plus(Duration.ofMinutes(7)), fixture.otps.find(ACCOUNT, approved).orElseThrow().expires());
        }
    }

    @Nested
    class Validating {

        private UUID sent(String code) {
            Profile profile = fixture.smsProfile("login");
            return service.send(ACCOUNT, request("+4917612345678", profile.name(), null, null, code));
        }

        @Test
        void aWrongCodeThenTheRightOneVerifiesThenReportsAlready() {
            UUID id = sent("424242");

            assertEquals(ValidationOutcome.WRONG_CODE, service.validate(ACCOUNT, id, "000000"));
            assertEquals(OtpStatus.WRONG_CODE, service.read(ACCOUNT, id).status());
            assertEquals(ValidationOutcome.VERIFIED, service.validate(ACCOUNT, id, "424242"));
            assertEquals(ValidationOutcome.ALREADY_REPORTED, service.validate(ACCOUNT, id, "424242"));
            assertEquals(ValidationOutcome.ALREADY_REPORTED, service.validate(ACCOUNT, id, "000000"));

            OtpView view = service.read(ACCOUNT, id);
            assertEquals(OtpStatus.VERIFIED, view.status());
            assertEquals(2, view.attemptCount(), "the wrong and the right code were compared");
        }

        @Test
        void theWrongAttemptThatReachesTheLimitAnswersTooManyAttemptsAndSoDoesEveryLaterOne() {
            UUID id = sent("424242");

            assertEquals(ValidationOutcome.WRONG_CODE, service.validate(ACCOUNT, id, "000001"));
            assertEquals(ValidationOutcome.WRONG_CODE, service.validate(ACCOUNT, id, "000002"));
            assertEquals(ValidationOutcome.TOO_MANY_ATTEMPTS, service.validate(ACCOUNT, id, "000003"));
            assertEquals(ValidationOutcome.TOO_MANY_ATTEMPTS, service.validate(ACCOUNT, id, "424242"));

            OtpView view = service.read(ACCOUNT, id);
            assertEquals(OtpStatus.TOO_MANY_ATTEMPTS, view.status());
            assertEquals(3, view.attemptCount(), "no code is compared after the attempts are used up");
        }

        @Test
        void anExpiredOtpAnswersExpiredAndCountsNoAttempt() {
            UUID id = sent("424242");
            fixture.advanceClock(Duration.ofMinutes(5));

            assertEquals(OtpStatus.EXPIRED, service.read(ACCOUNT, id).status(), "expired at exactly its expiry");
            assertEquals(ValidationOutcome.EXPIRED, service.validate(ACCOUNT, id, "424242"));
            assertEquals(0, service.read(ACCOUNT, id).attemptCount());
        }

        @Test
        void aSecondBeforeItsExpiryTheOtpCanStillBeVerified() {
            UUID id = sent("424242");
            fixture.advanceClock(Duration.ofMinutes(5).minusSeconds(1));

            assertEquals(OtpStatus.ACTIVE, service.read(ACCOUNT, id).status());
            assertEquals(ValidationOutcome.VERIFIED, service.validate(ACCOUNT, id, "424242"));
        }

        @Test
        void movingAnotherAccountsClockLeavesTheOtpAlone() {
            UUID id = sent("424242");
            fixture.clocks.advance("other", Duration.ofHours(1));

            assertEquals(OtpStatus.ACTIVE, service.read(ACCOUNT, id).status());
            assertEquals(ValidationOutcome.VERIFIED, service.validate(ACCOUNT, id, "424242"));
        }

        @Test
        void anOtpIsTimedByItsAccountsClock() {
            fixture.advanceClock(Duration.ofHours(1));
            UUID id = sent("424242");

            OtpView view = service.read(ACCOUNT, id);
            assertEquals(OtpFixture.START.plus(Duration.ofHours(1)), view.created());
            assertEquals(OtpFixture.START.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(5)), view.expires());
        }

        @Test
        void aVerifiedOtpStaysVerifiedAfterItsExpiry() {
            UUID id = sent("424242");
            service.validate(ACCOUNT, id, "424242");
            fixture.advanceClock(Duration.ofHours(1));

            assertEquals(OtpStatus.VERIFIED, service.read(ACCOUNT, id).status());
            assertEquals(ValidationOutcome.ALREADY_REPORTED, service.validate(ACCOUNT, id, "424242"));
        }

        @Test
        void unknownOrForeignOtpsAreNotFound() {
            UUID id = sent("424242");
            UUID unknown = UUID.randomUUID();

            assertThrows(ResourceNotFoundException.class, () -> service.validate(ACCOUNT, unknown, "424242"));
            assertThrows(ResourceNotFoundException.class, () -> service.read(ACCOUNT, unknown));
            assertThrows(ResourceNotFoundException.class, () -> service.delete(ACCOUNT, unknown));
            assertThrows(ResourceNotFoundException.class, () -> service.validate("other", id, "424242"));
            assertThrows(ResourceNotFoundException.class, () -> service.read("other", id));
            assertThrows(ResourceNotFoundException.class, () -> service.delete("other", id));
            assertEquals(OtpStatus.ACTIVE, service.read(ACCOUNT, id).status());
        }
    }

    @Nested
    class ListingAndDeleting {

        @Test
        void listsNewestFirstFilteredByRecipientAndStatus() {
            fixture.smsProfile("login");
            UUID first = service.send(ACCOUNT, request("+4917600000001", "login", null, null, "1111"));
            fixture.advanceClock(Duration.ofSeconds(1));
            UUID second = service.send(ACCOUNT, request("+4917600000002", "login", null, null, "2222"));
            fixture.advanceClock(Duration.ofSeconds(1));
            UUID third = service.send(ACCOUNT, request("+4917600000001", "login", null, null, "3333"));
            service.validate(ACCOUNT, third, "3333");

            assertEquals(List.of(third, second, first), ids(service.list(ACCOUNT, null, null)));
            assertEquals(List.of(third, first), ids(service.list(ACCOUNT, "+4917600000001", null)));
            assertEquals(List.of(third), ids(service.list(ACCOUNT, null, OtpStatus.VERIFIED)));
            assertEquals(List.of(), ids(service.list(ACCOUNT, "+4917600000002", OtpStatus.VERIFIED)));
            assertEquals(List.of(), ids(service.list("other", null, null)));
        }

        @Test
        void listsAtMostTheNewestThousand() {
            fixture.smsProfile("login");
            UUID oldest = service.send(ACCOUNT, request("+4917600000001", "login", null, null, "1111"));
            UUID newest = oldest;
            for (int i = 0; i < OtpService.LIST_LIMIT; i++) {
                fixture.advanceClock(Duration.ofMillis(1));
                newest = service.send(ACCOUNT, request("+4917600000001", "login", null, null, "2222"));
            }

            List<UUID> listed = ids(service.list(ACCOUNT, null, null));

            assertEquals(1000, listed.size());
            assertEquals(newest, listed.get(0));
            assertFalse(listed.contains(oldest), "the 1001st newest is left out");
        }

        @Test
        void listsTheStatusAsOfNow() {
            fixture.smsProfile("login");
            UUID id = service.send(ACCOUNT, request("+4917600000001", "login"));
            fixture.advanceClock(Duration.ofMinutes(6));

            assertEquals(OtpStatus.EXPIRED, service.list(ACCOUNT, null, null).get(0).status());
            assertEquals(id, service.list(ACCOUNT, null, null).get(0).id());
        }

        @Test
        void deletedOtpsAreGone() {
            fixture.smsProfile("login");
            UUID id = service.send(ACCOUNT, request("+4917600000001", "login"));

            service.delete(ACCOUNT, id);

            assertThrows(ResourceNotFoundException.class, () -> service.read(ACCOUNT, id));
            assertThrows(ResourceNotFoundException.class, () -> service.delete(ACCOUNT, id));
            assertNotEquals(List.of(id), ids(service.list(ACCOUNT, null, null)));
        }

        private List<UUID> ids(List<OtpView> views) {
            return views.stream().map(OtpView::id).toList();
        }
    }
}
