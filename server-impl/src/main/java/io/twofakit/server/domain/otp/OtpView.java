package io.twofakit.server.domain.otp;

import java.time.Instant;
import java.util.UUID;

/** An OTP as a client reads it: without its code hash, and with the status it has at the time of reading. */
public record OtpView(UUID id, String to, OtpStatus status, int attemptCount, int allowedAttempts, Instant created,
                      Instant expires) {

    static OtpView of(Otp otp, Instant now) {
        return new OtpView(otp.id(), otp.to(), otp.statusAt(now), otp.attemptCount(), otp.allowedAttempts(),
                otp.created(), otp.expires());
    }
}
