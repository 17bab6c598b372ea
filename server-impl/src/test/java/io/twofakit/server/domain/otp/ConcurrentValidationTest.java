package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.codes.CodeProtection;
import static io.twofakit.server.domain.otp.OtpFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.DatabaseTest;
import io.twofakit.server.store.JdbiDeliveryStore;
import io.twofakit.server.store.JdbiOtpStore;
import io.twofakit.server.store.JdbiPriorityStore;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.store.JdbiTemplateStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many validations of one OTP at the same time, through the service and the real stores (row lock on H2 and
 * PostgreSQL): exactly one VERIFIED when the right code is compared in time, and never more codes compared
 * than allowed.
 */
class ConcurrentValidationTest {

    static final int THREADS = 50;
    static final int MIXED_ROUNDS = 10;

    private record Round(Map<ValidationOutcome, Integer> answers, OtpView after) {
        int count(ValidationOutcome outcome) {
            return answers.getOrDefault(outcome, 0);
        }
    }

    @DatabaseTest
    void fiftyValidationsAtOnceKeepTheStatusMachinesPromises(Database database) throws Exception {
        database.registerAccounts(List.of(ACCOUNT), Clock.systemUTC());
        Clock clock = Clock.systemUTC();
        JdbiProfileStore profiles = new JdbiProfileStore(database);
        JdbiTemplateStore templates = new JdbiTemplateStore(database);
        MessageTemplate sms = new MessageTemplate(UUID.randomUUID(), ACCOUNT, Channel.SMS, "sms", "en",
                "{{otp_code}}", 5);
        templates.insert(sms);
        profiles.insert(new io.twofakit.server.domain.profile.Profile(UUID.randomUUID(), ACCOUNT, "three", 3, 6, false,
                List.of(OtpFixture.channel(Channel.SMS, OtpFixture.ref(sms)))));
        profiles.insert(new io.twofakit.server.domain.profile.Profile(UUID.randomUUID(), ACCOUNT, "five", 5, 6, false,
                List.of(OtpFixture.channel(Channel.SMS, OtpFixture.ref(sms)))));
        OtpService service = new OtpService(new JdbiOtpStore(database), profiles,
                new JdbiPriorityStore(database), templates, (account, name, language) -> java.util.Optional.empty(),
                new OtpCodeGenerator(new SecureRandom()), new CodeProtection(OtpFixture.SECRET, new SecureRandom()),
                AccountClocks.shared(clock), new DeliveryQueue(new JdbiDeliveryStore(database, clock), 100, clock, Duration.ofMinutes(2)),
                SendLimits.none());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            // every thread has the right code: one verifies, the others hear it was verified before
            Round allRight = round(service, pool, "three", THREADS);
            assertEquals(1, allRight.count(ValidationOutcome.VERIFIED), allRight.answers().toString());
            assertEquals(THREADS - 1, allRight.count(ValidationOutcome.ALREADY_REPORTED), allRight.answers().toString());
            assertEquals(1, allRight.after().attemptCount());
            assertEquals(OtpStatus.VERIFIED, allRight.after().status());

            // every thread is wrong: exactly the allowed attempts are compared, the last one answers TOO_MANY_ATTEMPTS
            Round allWrong = round(service, pool, "five", 0);
            assertEquals(4, allWrong.count(ValidationOutcome.WRONG_CODE), allWrong.answers().toString());
            assertEquals(THREADS - 4, allWrong.count(ValidationOutcome.TOO_MANY_ATTEMPTS), allWrong.answers().toString());
            assertEquals(5, allWrong.after().attemptCount());
            assertEquals(OtpStatus.TOO_MANY_ATTEMPTS, allWrong.after().status());

            // a few right among many wrong, in random order: whichever comes first decides, never both
            int verifiedRounds = 0;
            for (int i = 0; i < MIXED_ROUNDS; i++) {
                Round mixed = round(service, pool, "three", THREADS / 10);
                String answers = mixed.answers().toString();
                assertTrue(mixed.after().attemptCount() <= 3, "compared more codes than allowed: " + answers);
                if (mixed.count(ValidationOutcome.VERIFIED) == 1) {
                    verifiedRounds++;
                    assertEquals(OtpStatus.VERIFIED, mixed.after().status(), answers);
                    assertEquals(0, mixed.count(ValidationOutcome.TOO_MANY_ATTEMPTS), answers);
                    assertEquals(mixed.count(ValidationOutcome.WRONG_CODE) + 1, mixed.after().attemptCount(), answers);
                    assertEquals(THREADS - 1 - mixed.count(ValidationOutcome.WRONG_CODE),
                            mixed.count(ValidationOutcome.ALREADY_REPORTED), answers);
                } else {
                    assertEquals(0, mixed.count(ValidationOutcome.VERIFIED), answers);
                    assertEquals(OtpStatus.TOO_MANY_ATTEMPTS, mixed.after().status(), answers);
                    assertEquals(3, mixed.after().attemptCount(), answers);
                    assertEquals(2, mixed.count(ValidationOutcome.WRONG_CODE), answers);
                    assertEquals(0, mixed.count(ValidationOutcome.ALREADY_REPORTED), answers);
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String product = database.jdbi().withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
            System.out.printf("Concurrent validation on %s: %d rounds x %d threads (%d validations) in %d ms;"
                            + " mixed rounds verified: %d of %d%n", product, MIXED_ROUNDS + 2, THREADS,
                    (MIXED_ROUNDS + 2) * THREADS, millis, verifiedRounds, MIXED_ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends one OTP and validates it from {@link #THREADS} threads at once, {@code rightOnes} of them with its code. */
    private static Round round(OtpService service, ExecutorService pool, String profile, int rightOnes)
            throws Exception {
        UUID id = service.send(ACCOUNT, OtpFixture.request("+4917612345678", profile, null, null, "424242"));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            codes.add(i < rightOnes ? "424242" : "00000" + (i % 10));
        }
        Collections.shuffle(codes, new Random());
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ValidationOutcome>> answers = new ArrayList<>();
        for (String code : codes) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return service.validate(ACCOUNT, id, code);
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
        go.countDown();
        Map<ValidationOutcome, Integer> counted = new EnumMap<>(ValidationOutcome.class);
        for (Future<ValidationOutcome> answer : answers) {
            counted.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        return new Round(counted, service.read(ACCOUNT, id));
    }
}
