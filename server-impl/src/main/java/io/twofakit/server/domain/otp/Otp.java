package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.codes.CodeProtection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One sent OTP. The code itself is not part of it: {@code codeHash} is a keyed hash of the code (see
 * {@link CodeProtection}), which can check a code but not tell it.
 *
 * @param status the stored status: never {@link OtpStatus#EXPIRED}, see {@link #statusAt(Instant)}
 * @param attemptCount codes compared so far
 * @param allowedAttempts codes that may be compared in all
 * @param expires the instant from which the OTP can no longer be verified
 */
public record Otp(
        UUID id,
        String accountId,
        UUID profileId,
        String to,
        String codeHash,
        OtpStatus status,
        int attemptCount,
        int allowedAttempts,
        Instant created,
        Instant expires) {

    public Otp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (status == OtpStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived from the expiry, never stored");
        }
    }

    /** Whether the expiry has passed at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** The status as a client sees it at {@code now}: an OTP still open reads as EXPIRED after its expiry. */
    public OtpStatus statusAt(Instant now) {
        return status.isOpen() && isExpiredAt(now) ? OtpStatus.EXPIRED : status;
    }

    /** This OTP after one more compared code, now in {@code newStatus}. */
    Otp afterAttempt(OtpStatus newStatus) {
        return new Otp(id, accountId, profileId, to, codeHash, newStatus, attemptCount + 1, allowedAttempts,
                created, expires);
    }
}
