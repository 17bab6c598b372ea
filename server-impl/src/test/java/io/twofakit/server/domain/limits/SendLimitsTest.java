package io.twofakit.server.domain.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SendLimitsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String TO = "+4917012345678";
    private static final RateLimit FIVE_IN_TEN_MINUTES = new RateLimit(5, Duration.ofMinutes(10));

    @Nested
    class PerRecipient {

        private final SendLimits limits = new SendLimits(Optional.of(FIVE_IN_TEN_MINUTES), Optional.empty(),
                new MutableClock(T0));
        /** The recipient's record, as the OTP store keeps it. */
        private List<Instant> recorded = new ArrayList<>();

        private void send(Instant at) {
            recorded = limits.recipient(TO, at).admit(recorded);
        }

        @Test
        void fiveSendsInTenMinutesPassAndTheSixthIsRefusedUntilTheFirstHasLeftTheWindow() {
            for (int minute = 0; minute < 5; minute++) {
                send(T0.plus(Duration.ofMinutes(minute)));
            }
            List<Instant> before = recorded;

            LimitExceededException refused = assertThrows(LimitExceededException.class,
                    () -> send(T0.plus(Duration.ofMinutes(6))));

            assertEquals(4 * 60, refused.retryAfterSeconds(), "the first send (at 0) leaves the window at 10 minutes");
            assertEquals("Too many OTPs sent to " + TO + ": at most 5 in 10 minutes. Retry after 240 seconds.",
                    refused.detail());
            assertEquals(before, recorded, "a refused send is not recorded");
        }

        @Test
        void theWindowSlides() {
            for (int minute = 0; minute < 5; minute++) {
                send(T0.plus(Duration.ofMinutes(minute)));
            }
            // at 10:00 the send of minute 0 has left the window (sends in (now - 10 min, now] count): one more fits
            send(T0.plus(Duration.ofMinutes(10)));

            LimitExceededException refused = assertThrows(LimitExceededException.class,
                    () -> send(T0.plus(Duration.ofMinutes(10)).plusSeconds(1)));
            assertEquals(60 - 1, refused.retryAfterSeconds(), "the send of minute 1 leaves at 11:00");
            send(T0.plus(Duration.ofMinutes(11)));
        }

        @Test
        void onlyTheSendsOfTheWindowAreKeptOnRecord() {
            for (int minute = 0; minute < 5; minute++) {
                send(T0.plus(Duration.ofMinutes(minute)));
            }
            send(T0.plus(Duration.ofMinutes(30)));

            assertEquals(List.of(T0.plus(Duration.ofMinutes(30))), recorded);
        }

        @Test
        void aWaitIsRoundedUpToWholeSecondsAndIsAtLeastOne() {
            for (int i = 0; i < 5; i++) {
                send(T0);
            }
            LimitExceededException almostOver = assertThrows(LimitExceededException.class,
                    () -> send(T0.plus(Duration.ofMinutes(10)).minusMillis(1)));
            assertEquals(1, almostOver.retryAfterSeconds());

            LimitExceededException fraction = assertThrows(LimitExceededException.class,
                    () -> send(T0.plus(Duration.ofMinutes(8)).plusMillis(30_500)));
            assertEquals(90, fraction.retryAfterSeconds(), "89.5 s to wait is answered as 90");
        }

        @Test
        void aSendOnRecordSlightlyLaterThanNowCountsAsMadeNow() {
            // another server on the same database, whose clock is a little ahead, recorded these sends
            List<Instant> aheadOfThisServer = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                aheadOfThisServer.add(T0.plusSeconds(2));
            }
            recorded = aheadOfThisServer;

            LimitExceededException refused = assertThrows(LimitExceededException.class, () -> send(T0));

            assertEquals(600, refused.retryAfterSeconds(), "counted as made now, so never longer than the window");
            send(T0.plusSeconds(2).plus(Duration.ofMinutes(10)));
        }

        @Test
        void aSendOnRecordMoreThanAWindowAheadIsDropped() {
            // the simulator's clock was moved a year forward, five sends were made, the server restarted at real time
            List<Instant> fromTheFuture = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fromTheFuture.add(T0.plus(Duration.ofDays(365)));
            }
            recorded = fromTheFuture;

            send(T0);

            assertEquals(List.of(T0), recorded);
        }

        @Test
        void aLimitLoweredSinceTheSendsWereRecordedCountsThemAll() {
            for (int i = 0; i < 5; i++) {
                send(T0.plusSeconds(i));
            }
            SendLimits lowered = new SendLimits(Optional.of(new RateLimit(2, Duration.ofMinutes(10))), Optional.empty(),
                    new MutableClock(T0));

            LimitExceededException refused = assertThrows(LimitExceededException.class,
                    () -> lowered.recipient(TO, T0.plusSeconds(10)).admit(recorded));

            assertEquals(600 - 10 + 3, refused.retryAfterSeconds(), "the fourth send (at 3 s) is the second newest");
        }

        @Test
        void switchedOffEverySendPassesAndNothingIsRecorded() {
            RecipientAdmission admission = SendLimits.none().recipient(TO, T0);

            assertSame(RecipientAdmission.UNLIMITED, admission);
            assertFalse(admission.isLimited());
        }
    }

    @Nested
    class PerAccount {

        private final MutableClock realTime = new MutableClock(T0);
        private final SendLimits limits = new SendLimits(Optional.empty(),
                Optional.of(new RateLimit(100, Duration.ofSeconds(1))), realTime);

        @Test
        void aBurstOfTheLimitPassesAndTheNextSendIsRefusedUntilATokenIsBack() {
            for (int i = 0; i < 100; i++) {
                limits.countAccountSend("acme");
            }

            LimitExceededException refused = assertThrows(LimitExceededException.class,
                    () -> limits.countAccountSend("acme"));

            assertEquals(1, refused.retryAfterSeconds(), "a token is back after 10 ms, answered as 1 s");
            assertEquals("Too many OTPs sent by the account: at most 100 per second. Retry after 1 second.",
                    refused.detail());
            realTime.advance(Duration.ofMillis(10));
            limits.countAccountSend("acme");
            assertThrows(LimitExceededException.class, () -> limits.countAccountSend("acme"));
        }

        @Test
        void theSustainedRateIsTheLimit() {
            limits.countAccountSend("acme");
            int passed = 1;
            for (int tick = 0; tick < 300; tick++) {
                realTime.advance(Duration.ofMillis(10));
                for (int i = 0; i < 5; i++) {
                    try {
                        limits.countAccountSend("acme");
                        passed++;
                    } catch (LimitExceededException refused) {
                        assertTrue(refused.retryAfterSeconds() >= 1);
                    }
                }
            }
            // 3 s at 100 per second, plus the full bucket of 100 at the start
            assertEquals(400, passed);
        }

        @Test
        void accountsAreCountedApart() {
            for (int i = 0; i < 100; i++) {
                limits.countAccountSend("acme");
            }
            assertThrows(LimitExceededException.class, () -> limits.countAccountSend("acme"));

            limits.countAccountSend("globex");
        }

        @Test
        void switchedOffEverySendPasses() {
            SendLimits none = SendLimits.none();
            for (int i = 0; i < 10_000; i++) {
                none.countAccountSend("acme");
            }
        }
    }

    @Test
    void limitsDescribeThemselvesInWordsAndAsOptions() {
        assertEquals("5 in 10 minutes", FIVE_IN_TEN_MINUTES.describe());
        assertEquals("5/10m", FIVE_IN_TEN_MINUTES.option());
        assertEquals("100 per second", new RateLimit(100, Duration.ofSeconds(1)).describe());
        assertEquals("20 per minute", new RateLimit(20, Duration.ofMinutes(1)).describe());
        assertEquals("1 per second", new RateLimit(1, Duration.ofMillis(1000)).describe());
        assertEquals("3 in 90 seconds", new RateLimit(3, Duration.ofSeconds(90)).describe());
        assertEquals("3 in 1500 ms", new RateLimit(3, Duration.ofMillis(1500)).describe());
        assertEquals("3/1500ms", new RateLimit(3, Duration.ofMillis(1500)).option());
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, Duration.ZERO));
    }
}
