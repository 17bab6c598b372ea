package io.twofakit.server.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs in the layout of version 7 (RFC 9562): the first 48 bits are the creation time in Unix milliseconds,
 * followed by the version, 74 random bits and the variant. Rows keyed by such ids go to the end of their
 * indexes rather than to random places, so the index pages that are written stay in the database's cache
 * however many rows a table holds; random (version 4) ids would touch a cold page for nearly every insert.
 * The random bits come from a cryptographically strong generator, so one id does not tell another.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id for now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new id for the given Unix time in milliseconds. */
    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4) | ((random[1] & 0xF0L) >>> 4); // 12 bits
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long low = 0L;
        for (int i = 2; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xFFL);
        }
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 0b10
        return new UUID(high, low);
    }
}
