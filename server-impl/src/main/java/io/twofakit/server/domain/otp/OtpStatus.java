package io.twofakit.server.domain.otp;

/**
 * Where an OTP stands. {@link #ACTIVE} and {@link #WRONG_CODE} can still be verified; {@link #VERIFIED} and
 * {@link #TOO_MANY_ATTEMPTS} are final and stored; {@link #EXPIRED} is never stored: an OTP that can still be
 * verified reads as expired once its expiry has passed.
 */
public enum OtpStatus {
    ACTIVE, WRONG_CODE, VERIFIED, EXPIRED, TOO_MANY_ATTEMPTS;

    /** Whether a validation may still verify an OTP in this status (before its expiry). */
    public boolean isOpen() {
        return this == ACTIVE || this == WRONG_CODE;
    }
}
