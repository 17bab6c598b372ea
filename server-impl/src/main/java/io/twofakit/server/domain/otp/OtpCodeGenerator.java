package io.twofakit.server.domain.otp;

import java.security.SecureRandom;

/** Makes OTP codes from a cryptographic random source, each character drawn uniformly from the alphabet. */
public final class OtpCodeGenerator {

    static final String DIGITS = "0123456789";
    static final String LOWERCASE_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random;

    public OtpCodeGenerator(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param length number of characters
     * @param alphanumeric lowercase letters and digits when true, digits only otherwise
     */
    public String generate(int length, boolean alphanumeric) {
        if (length < 1) {
            throw new IllegalArgumentException("a code has at least one character");
        }
        String alphabet = alphanumeric ? LOWERCASE_AND_DIGITS : DIGITS;
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
