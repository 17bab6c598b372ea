package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEvent;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.limits.RecipientAdmission;
import io.twofakit.server.domain.delivery.DeliveryStep;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.otp.OtpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** OTPs, jobs and events to put into the stores under test. */
final class OtpRows {

    static final String ACCOUNT = "acme";
    static final String OTHER_ACCOUNT = "other";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private OtpRows() {
    }

    /** Stores the OTP and its job, unleased, in one transaction, as a send does; the job due at {@code realClock}. */
    static void send(Database database, Clock realClock, Otp otp, DeliveryJob job) {
        send(database, realClock, otp, job, Optional.empty(), RecipientAdmission.UNLIMITED);
    }

    /** Stores the OTP and its job in one transaction, as a send does, if {@code admission} admits it. */
    static void send(Database database, Clock realClock, Otp otp, DeliveryJob job, Optional<DeliveryQueue.Lease> lease,
                     RecipientAdmission admission) {
        new JdbiDeliveryStore(database, realClock).insert(job, lease,
                transaction -> new JdbiOtpStore(database).insert(transaction, otp, admission));
    }

    static void registerAccounts(Database database) {
        database.registerAccounts(List.of(ACCOUNT, OTHER_ACCOUNT), Clock.systemUTC());
    }

    static Otp otp(String to, Instant created) {
        return new Otp(UUID.randomUUID(), ACCOUNT, UUID.randomUUID(), to, "aGFzaC1vZi10aGUtY29kZQ==", OtpStatus.ACTIVE,
                0, 3, created, created.plus(Duration.ofMinutes(5)));
    }

    static DeliveryJob job(Otp otp, Channel... channels) {
        List<DeliveryStep> steps = new java.util.ArrayList<>();
        for (Channel channel : channels) {
            steps.add(new DeliveryStep(steps.size(), channel, "sender-" + channel, "Code {{otp_code}}", 5));
        }
        return DeliveryJob.start(otp.id(), otp.accountId(), otp.profileId(), otp.to(), new byte[] {1, 2, 3, 4, 5, 6,
                7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, steps);
    }

    static DeliveryEvent event(DeliveryJob job, int position, DeliveryEventStatus status) {
        int sequence = status == DeliveryEventStatus.DISPATCHED
                ? DeliveryEvent.dispatchedSequence(position) : DeliveryEvent.outcomeSequence(position);
        return new DeliveryEvent(UUID.randomUUID(), job.otpId(), job.accountId(), job.profileId(), sequence,
                job.steps().get(position).channel(), status,
                status == DeliveryEventStatus.UNDELIVERABLE
                        ? new io.twofakit.server.domain.delivery.DeliveryError("e::1", "cannot deliver") : null,
                T0.plusSeconds(sequence));
    }
}
