package io.twofakit.server.domain.otp;

/** The answer to one validation of a code. */
public enum ValidationOutcome {
    /** the code was right; the OTP is verified now */
    VERIFIED,
    /** the code was wrong and attempts remain */
    WRONG_CODE,
    /** this wrong code used the last attempt, or the attempts were used up before */
    TOO_MANY_ATTEMPTS,
    /** the OTP expired before it was verified; no attempt was counted */
    EXPIRED,
    /** the OTP was verified before */
    ALREADY_REPORTED
}
