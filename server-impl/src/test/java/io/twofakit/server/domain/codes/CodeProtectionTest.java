package io.twofakit.server.domain.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodeProtectionTest {

    private final CodeProtection codes = new CodeProtection("a-test-secret-of-enough-length", new SecureRandom());
    private final UUID otp = UUID.randomUUID();

    @Test
    void aHashChecksTheRightCodeOnly() {
        String hash = codes.hash(otp, "123456");

        assertTrue(codes.matches(otp, "123456", hash));
        assertFalse(codes.matches(otp, "123457", hash));
        assertFalse(codes.matches(otp, "12345", hash));
        assertFalse(codes.matches(otp, "", hash));
        assertFalse(hash.contains("123456"));
    }

    @Test
    void theHashIsBoundToTheOtpAndToTheSecret() {
        String hash = codes.hash(otp, "123456");

        assertNotEquals(hash, codes.hash(UUID.randomUUID(), "123456"), "the same code of another OTP hashes apart");
        assertFalse(codes.matches(UUID.randomUUID(), "123456", hash));
        CodeProtection otherSecret = new CodeProtection("another-secret-of-enough-length", new SecureRandom());
        assertFalse(otherSecret.matches(otp, "123456", hash));
        assertEquals(hash, new CodeProtection("a-test-secret-of-enough-length", new SecureRandom()).hash(otp, "123456"),
                "a restarted server with the same secret checks the same hashes");
    }

    @Test
    void aDamagedHashMatchesNothing() {
        assertFalse(codes.matches(otp, "123456", "not base64 !"));
        assertFalse(codes.matches(otp, "123456", ""));
    }

    @Test
    void aSealedCodeOpensOnlyForItsOtpWithTheSameSecret() {
        byte[] sealed = codes.seal(otp, "k3x9p2");

        assertEquals("k3x9p2", codes.open(otp, sealed));
        assertEquals("k3x9p2", new CodeProtection("a-test-secret-of-enough-length", new SecureRandom()).open(otp, sealed));
        assertThrows(IllegalArgumentException.class, () -> codes.open(UUID.randomUUID(), sealed));
        assertThrows(IllegalArgumentException.class,
                () -> new CodeProtection("another-secret-of-enough-length", new SecureRandom()).open(otp, sealed));
        byte[] tampered = Arrays.copyOf(sealed, sealed.length);
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> codes.open(otp, tampered));
        assertThrows(IllegalArgumentException.class, () -> codes.open(otp, new byte[3]));
    }

    @Test
    void sealingTwiceGivesDifferentBytes() {
        assertFalse(Arrays.equals(codes.seal(otp, "k3x9p2"), codes.seal(otp, "k3x9p2")), "a fresh IV every time");
    }
}
