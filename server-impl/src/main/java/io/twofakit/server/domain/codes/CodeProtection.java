package io.twofakit.server.domain.codes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps OTP codes out of storage in clear, with two keys derived from the server secret:
 * <ul>
 *   <li>{@link #hash}: HMAC-SHA256 of the OTP id and the code, which is all the OTP row keeps; a code is
 *       checked with {@link #matches} in constant time.</li>
 *   <li>{@link #seal}: AES-256-GCM encryption of the code, bound to the OTP id, which is how a pending
 *       delivery job keeps it until the message is rendered.</li>
 * </ul>
 * Without the secret, neither a hash nor a sealed code tells the code.
 */
public final class CodeProtection {

    private static final String HMAC = "HmacSHA256";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Supplier<String> secret;
    private final SecureRandom random;
    private volatile Keys keys;
    /** An HMAC keyed once per thread: keying costs about as much as hashing a code. */
    private final ThreadLocal<Mac> hashMac = ThreadLocal.withInitial(this::newHashMac);

    /** The two keys, derived from the secret once. */
    private record Keys(SecretKeySpec hash, SecretKeySpec seal) {
    }

    /** @param secret the server secret (configured, or the key file's) */
    public CodeProtection(String secret, SecureRandom random) {
        this(supplied(Objects.requireNonNull(secret, "secret")), random);
    }

    /**
     * @param secret gives the server secret when a code is first protected or checked, and is not asked again: the
     *        server reads its secret (from the key file) while the HTTP side is being prepared
     */
    public CodeProtection(Supplier<String> secret, SecureRandom random) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.random = random;
    }

    private static Supplier<String> supplied(String secret) {
        return () -> secret;
    }

    private Keys keys() {
        Keys derived = keys;
        if (derived == null) {
            synchronized (this) {
                derived = keys;
                if (derived == null) {
                    byte[] master = Objects.requireNonNull(secret.get(), "secret").getBytes(StandardCharsets.UTF_8);
                    derived = new Keys(new SecretKeySpec(derive(master, "twofa-kit otp code hash v1"), HMAC),
                            new SecretKeySpec(derive(master, "twofa-kit delivery job seal v1"), "AES"));
                    keys = derived;
                }
            }
        }
        return derived;
    }

    /** The keyed hash of {@code code} for the OTP {@code otpId}, Base64. */
    public String hash(UUID otpId, String code) {
        return Base64.getEncoder().encodeToString(mac(otpId, code));
    }

    /** Whether {@code code} is the code whose hash is {@code storedHash}; takes the same time for any wrong code. */
    public boolean matches(UUID otpId, String code, String storedHash) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(otpId, code), expected);
    }

    /** The code encrypted for the delivery job of {@code otpId}: a fresh IV followed by the ciphertext and tag. */
    public byte[] seal(UUID otpId, String code) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys().seal(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(bytes(otpId));
            byte[] ciphertext = cipher.doFinal(code.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The code that {@link #seal} encrypted for {@code otpId}.
     *
     * @throws IllegalArgumentException when the sealed code was not made for this OTP with this secret
     */
    public String open(UUID otpId, byte[] sealed) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            throw new IllegalArgumentException("not a sealed code");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys().seal(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(bytes(otpId));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed code does not belong to this OTP or this secret", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private byte[] mac(UUID otpId, String code) {
        Mac mac = hashMac.get();
        mac.update(bytes(otpId));
        return mac.doFinal(code.getBytes(StandardCharsets.UTF_8)); // and the Mac is ready for the next code
    }

    private Mac newHashMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(keys().hash());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A key for one purpose: HMAC-SHA256 of the purpose under the master secret (HKDF's expand step, one block). */
    /**
     * A value that tells whether two servers hold the same secret without telling the secret or any code: a key
     * derived from it for this purpose only, Base64. Servers sharing a database compare it at start-up.
     */
    public static String checkValue(String secret) {
        return Base64.getEncoder().encodeToString(
                derive(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8), "twofa-kit secret check v1"));
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(master, HMAC));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
