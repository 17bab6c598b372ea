package io.twofakit.server.store;

import static io.twofakit.server.store.OtpRows.ACCOUNT;
import static io.twofakit.server.store.OtpRows.OTHER_ACCOUNT;
import static io.twofakit.server.store.OtpRows.T0;
import static io.twofakit.server.store.OtpRows.job;
import static io.twofakit.server.store.OtpRows.otp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryStep;
import io.twofakit.server.domain.delivery.DeliveryStore.ClaimedJob;
import io.twofakit.server.domain.limits.LimitExceededException;
import io.twofakit.server.domain.limits.RateLimit;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.otp.OtpStatus;
import io.twofakit.server.domain.otp.OtpStore;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

class JdbiOtpStoreTest {

    private static final Clock REAL = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static JdbiOtpStore store(Database database) {
        OtpRows.registerAccounts(database);
        return new JdbiOtpStore(database);
    }

    @DatabaseTest
    void anInsertedOtpReadsBackAsItWasWithinItsAccountOnly(Database database) {
        JdbiOtpStore store = store(database);
        Otp otp = otp("+4917612345678", T0);

        OtpRows.send(database, REAL, otp, job(otp, Channel.SMS));

        assertEquals(Optional.of(otp), store.find(ACCOUNT, otp.id()));
        assertEquals(Optional.empty(), store.find(OTHER_ACCOUNT, otp.id()));
        assertEquals(Optional.empty(), store.find(ACCOUNT, UUID.randomUUID()));
    }

    @DatabaseTest
    void theOtpAndItsJobAreStoredTogetherOrNotAtAll(Database database) {
        JdbiOtpStore store = store(database);
        Otp stored = otp("+4917612345678", T0);
        OtpRows.send(database, REAL, stored, job(stored, Channel.SMS, Channel.VIBER));

        // the second OTP comes with a job that cannot be stored (the first OTP's job again): neither stays
        Otp refused = otp("+4917612345679", T0);
        assertThrows(RuntimeException.class, () -> OtpRows.send(database, REAL, refused, job(stored, Channel.SMS)));
        assertEquals(Optional.empty(), store.find(ACCOUNT, refused.id()));

        List<ClaimedJob> claimed = new JdbiDeliveryStore(database, REAL).claim(10, REAL.instant(), Duration.ofMinutes(1));
        assertEquals(1, claimed.size());
        assertEquals(stored.id(), claimed.get(0).job().otpId());
        assertEquals(List.of(Channel.SMS, Channel.VIBER), claimed.get(0).job().steps().stream()
                .map(DeliveryStep::channel).toList());
        assertEquals("sender-VIBER", claimed.get(0).job().steps().get(1).sender());
    }

    @DatabaseTest
    void listsNewestFirstByRecipientAndStatusUpToTheLimit(Database database) {
        JdbiOtpStore store = store(database);
        Otp first = otp("+4917600000001", T0);
        Otp second = otp("+4917600000002", T0.plusSeconds(1));
        Otp third = otp("+4917600000001", T0.plusSeconds(2));
        Otp sameInstantAsThird = otp("+4917600000001", T0.plusSeconds(2));
        for (Otp otp : List.of(first, second, third, sameInstantAsThird)) {
            OtpRows.send(database, REAL, otp, job(otp, Channel.SMS));
        }
        store.modify(ACCOUNT, first.id(), otp -> new OtpStore.Change<>(withStatus(otp, OtpStatus.VERIFIED), "done"));

        assertEquals(List.of(sameInstantAsThird.id(), third.id(), second.id(), first.id()),
                ids(store.list(ACCOUNT, null, null, 10)), "newest first; the later insert first on a tie");
        assertEquals(List.of(sameInstantAsThird.id(), third.id(), first.id()),
                ids(store.list(ACCOUNT, "+4917600000001", null, 10)));
        assertEquals(List.of(first.id()), ids(store.list(ACCOUNT, null, OtpStatus.VERIFIED, 10)));
        assertEquals(List.of(first.id()), ids(store.list(ACCOUNT, "+4917600000001", OtpStatus.VERIFIED, 10)));
        assertEquals(List.of(), ids(store.list(ACCOUNT, "+4917600000002", OtpStatus.VERIFIED, 10)));
        assertEquals(List.of(sameInstantAsThird.id(), third.id()), ids(store.list(ACCOUNT, null, null, 2)));
        assertEquals(List.of(), ids(store.list(OTHER_ACCOUNT, null, null, 10)));
        assertEquals(List.of(), ids(store.list(ACCOUNT, "x".repeat(5000), null, 10)), "a long filter finds nothing");
    }

    @DatabaseTest
    void anUpdateStoresStatusAndAttemptsAndAnswersTheChangesResult(Database database) {
        JdbiOtpStore store = store(database);
        Otp otp = otp("+4917612345678", T0);
        OtpRows.send(database, REAL, otp, job(otp, Channel.SMS));

        Optional<String> answer = store.modify(ACCOUNT, otp.id(),
                current -> new OtpStore.Change<>(withStatus(current, OtpStatus.WRONG_CODE), "wrong"));
        Optional<String> unchanged = store.modify(ACCOUNT, otp.id(), current -> new OtpStore.Change<>(null, "same"));

        assertEquals(Optional.of("wrong"), answer);
        assertEquals(Optional.of("same"), unchanged);
        Otp read = store.find(ACCOUNT, otp.id()).orElseThrow();
        assertEquals(OtpStatus.WRONG_CODE, read.status());
        assertEquals(1, read.attemptCount());
        assertEquals(otp.codeHash(), read.codeHash());
        assertEquals(Optional.empty(), store.modify(OTHER_ACCOUNT, otp.id(), c -> new OtpStore.Change<>(null, "x")));
        assertEquals(Optional.empty(), store.modify(ACCOUNT, UUID.randomUUID(), c -> new OtpStore.Change<>(null, "x")));
    }

    @DatabaseTest
    void deletingAnOtpRemovesItsPendingJob(Database database) {
        JdbiOtpStore store = store(database);
        Otp otp = otp("+4917612345678", T0);
        OtpRows.send(database, REAL, otp, job(otp, Channel.SMS));

        assertFalse(store.delete(OTHER_ACCOUNT, otp.id()));
        assertTrue(store.delete(ACCOUNT, otp.id()));
        assertFalse(store.delete(ACCOUNT, otp.id()));

        assertEquals(Optional.empty(), store.find(ACCOUNT, otp.id()));
        assertEquals(List.of(), new JdbiDeliveryStore(database, REAL).claim(10, REAL.instant(), Duration.ofMinutes(1)));
    }

    @DatabaseTest
    void aRefusedSendStoresNothingAndADeletedOtpKeepsItsSendOnRecord(Database database) {
        JdbiOtpStore store = store(database);
        SendLimits limits = fiveSendsInTenMinutes();
        List<Otp> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Otp otp = otp("+4917612345678", T0.plusSeconds(i));
            OtpRows.send(database, REAL, otp, job(otp, Channel.SMS), Optional.empty(), limits.recipient(otp.to(), otp.created()));
            accepted.add(otp);
        }

        Otp sixth = otp("+4917612345678", T0.plusSeconds(60));
        LimitExceededException refused = assertThrows(LimitExceededException.class, () -> OtpRows.send(database, REAL, sixth,
                job(sixth, Channel.SMS), Optional.empty(), limits.recipient(sixth.to(), sixth.created())));
        assertEquals(600 - 60, refused.retryAfterSeconds());
        assertEquals(Optional.empty(), store.find(ACCOUNT, sixth.id()));
        assertEquals(5, new JdbiDeliveryStore(database, REAL).claim(10, REAL.instant(), Duration.ofMinutes(1)).size(),
                "no job for the refused send");

        assertTrue(store.delete(ACCOUNT, accepted.get(0).id()));
        assertThrows(LimitExceededException.class, () -> OtpRows.send(database, REAL, sixth, job(sixth, Channel.SMS),
                Optional.empty(), limits.recipient(sixth.to(), sixth.created())));

        Otp later = otp("+4917612345678", T0.plus(Duration.ofMinutes(10)));
        OtpRows.send(database, REAL, later, job(later, Channel.SMS), Optional.empty(), limits.recipient(later.to(), later.created()));
        assertEquals(Optional.of(later), store.find(ACCOUNT, later.id()));
    }

    @DatabaseTest
    void concurrentSendsToANewNumberAreCountedOneAfterTheOther(Database database) {
        JdbiOtpStore store = store(database);
        SendLimits limits = fiveSendsInTenMinutes();
        List<Runnable> sends = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Otp otp = otp("+4917699999999", T0.plusMillis(i));
            sends.add(() -> OtpRows.send(database, REAL, otp, job(otp, Channel.SMS), Optional.empty(),
                    limits.recipient(otp.to(), otp.created())));
        }

        List<Throwable> outcomes = Concurrently.run(sends);

        assertEquals(5, outcomes.stream().filter(Objects::isNull).count(), outcomes::toString);
        assertEquals(7, outcomes.stream().filter(LimitExceededException.class::isInstance).count(), outcomes::toString);
        assertEquals(5, store.list(ACCOUNT, "+4917699999999", null, 100).size());
    }

    private static SendLimits fiveSendsInTenMinutes() {
        return new SendLimits(Optional.of(new RateLimit(5, Duration.ofMinutes(10))), Optional.empty(), REAL);
    }

    private static Otp withStatus(Otp otp, OtpStatus status) {
        return new Otp(otp.id(), otp.accountId(), otp.profileId(), otp.to(), otp.codeHash(), status,
                otp.attemptCount() + 1, otp.allowedAttempts(), otp.created(), otp.expires());
    }

    private static List<UUID> ids(List<Otp> otps) {
        return otps.stream().map(Otp::id).toList();
    }
}
