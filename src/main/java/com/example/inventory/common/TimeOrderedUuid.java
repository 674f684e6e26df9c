package com.example.inventory.common;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 9562 version-7 UUIDs: a millisecond timestamp followed by random bits. New ids land at the end of the
 * primary-key index instead of at random places in it. The 74 random bits only need to keep ids apart, not
 * secret (an id grants nothing), so a per-thread generator serves instead of a shared, locking SecureRandom.
 */
public final class TimeOrderedUuid {

    private TimeOrderedUuid() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /**
     * The id a request names, or empty when the text is no UUID at all: then no record has it, and a lookup by it
     * finds nothing (a "not found", not a malformed request).
     */
    public static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
