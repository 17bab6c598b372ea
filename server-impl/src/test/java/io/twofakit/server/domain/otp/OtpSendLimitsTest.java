package io.twofakit.server.domain.otp;

import static io.twofakit.server.domain.otp.OtpFixture.ACCOUNT;
import static io.twofakit.server.domain.otp.OtpFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.limits.LimitExceededException;
import io.twofakit.server.domain.limits.RateLimit;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits on sending as {@link OtpService} applies them: what is refused, what is counted, what is stored. */
class OtpSendLimitsTest {

    private static final String TO = "+4917612345678";

    private final MutableClock realTime = new MutableClock(OtpFixture.START);
    private final OtpFixture fixture = new OtpFixture(new SendLimits(
            Optional.of(new RateLimit(5, Duration.ofMinutes(10))),
            Optional.of(new RateLimit(20, Duration.ofSeconds(1))), realTime));
    private final OtpService service = fixture.service;

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    private UUID send(String to) {
        return service.send(ACCOUNT, request(to, "login"));
    }

    @Test
    void theSixthSendToANumberWithinTenMinutesIsRefusedAndStoresNothing() {
        fixture.smsProfile("login");
        for (int i = 0; i < 5; i++) {
            send(TO);
            fixture.advanceClock(Duration.ofMinutes(1));
        }

        LimitExceededException refused = assertThrows(LimitExceededException.class, () -> send(TO));

        assertEquals(5 * 60, refused.retryAfterSeconds(), "the first send leaves the window 10 minutes after it");
        assertTrue(refused.detail().startsWith("Too many OTPs sent to " + TO), refused.detail());
        assertEquals(5, fixture.storedOtps());
        assertEquals(5, fixture.jobs.jobs().size());
        assertEquals(5, fixture.deliveriesQueued.get(), "no delivery is queued for a refused send");
    }

    @Test
    void otherNumbersAndOtherAccountsAreCountedApart() {
        fixture.smsProfile("login");
        for (int i = 0; i < 5; i++) {
            send(TO);
        }
        assertThrows(LimitExceededException.class, () -> send(TO));

        send("+4917612345679");
        MessageTemplate othersTemplate = new MessageTemplate(UUID.randomUUID(), OtpFixture.OTHER_ACCOUNT, Channel.SMS, "other_sms",
                "en_US", "Code {{otp_code}}", 5);
        fixture.templates.insert(othersTemplate);
        fixture.profiles.insert(new Profile(UUID.randomUUID(), OtpFixture.OTHER_ACCOUNT, "login", 3, 6, false,
                List.of(OtpFixture.channel(Channel.SMS, OtpFixture.ref(othersTemplate)))));
        service.send(OtpFixture.OTHER_ACCOUNT, request(TO, "login"));
    }

    @Test
    void deletingAnOtpDoesNotGiveItsSendBack() {
        fixture.smsProfile("login");
        UUID first = send(TO);
        for (int i = 0; i < 4; i++) {
            send(TO);
        }

        service.delete(ACCOUNT, first);

        assertThrows(LimitExceededException.class, () -> send(TO));
    }

    @Test
    void theServersClockMovingPastTheWindowAdmitsTheNumberAgain() {
        fixture.smsProfile("login");
        for (int i = 0; i < 5; i++) {
            send(TO);
        }
        LimitExceededException refused = assertThrows(LimitExceededException.class, () -> send(TO));

        fixture.advanceClock(Duration.ofSeconds(refused.retryAfterSeconds()));

        send(TO);
    }

    @Test
    void aSendRefusedForAnotherReasonIsNotCountedAgainstTheNumber() {
        fixture.smsProfile("login");
        for (int i = 0; i < 10; i++) {
            assertThrows(ValidationFailedException.class, () -> service.send(ACCOUNT, request(TO, "no_such_profile")));
            realTime.advance(Duration.ofSeconds(1));
        }

        for (int i = 0; i < 5; i++) {
            send(TO);
        }
        assertEquals(5, fixture.storedOtps());
    }

    @Test
    void theAccountsRateIsCountedFirstWhateverBecomesOfTheSend() {
        fixture.smsProfile("login");
        for (int i = 0; i < 20; i++) {
            if (i % 2 == 0) {
                send("+49176000000" + (10 + i));
            } else {
                assertThrows(ValidationFailedException.class,
                        () -> service.send(ACCOUNT, request(TO, "no_such_profile")));
            }
        }

        LimitExceededException refused = assertThrows(LimitExceededException.class,
                () -> service.send(ACCOUNT, request(TO, "no_such_profile")));

        assertTrue(refused.detail().startsWith("Too many OTPs sent by the account: at most 20 per second"),
                refused.detail());
        realTime.advance(Duration.ofMillis(50));
        send(TO);
        assertEquals(11, fixture.storedOtps());
    }
}
