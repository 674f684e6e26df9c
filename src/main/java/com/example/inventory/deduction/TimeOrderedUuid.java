package com.example.inventory.deduction;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: a millisecond timestamp followed by random bits. New ids land at the end of the
 * primary-key index instead of at random places in it.
 */
final class TimeOrderedUuid {

    private static final SecureRandom random = new SecureRandom();

    private TimeOrderedUuid() {
    }

    static UUID next() {
        long millis = System.currentTimeMillis();
        long mostSignificant = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
