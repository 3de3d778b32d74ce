package de.bewertungsbox.customerstore.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): new rows land at the end of the primary-key index, which keeps bulk
 * inserts fast, and ids sort in creation order for cursor pagination. The random bits come from
 * {@link ThreadLocalRandom}: ids are not secrets (every lookup is scoped to a project), and a shared
 * {@code SecureRandom} is a point of contention for parallel imports.
 */
public final class Ids {
    private Ids() {
    }

    /** @return a new version 7 UUID */
    public static UUID next() {
        long millis = System.currentTimeMillis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
