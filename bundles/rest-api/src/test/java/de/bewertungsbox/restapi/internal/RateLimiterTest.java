package de.bewertungsbox.restapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aKeyMayBurstItsBudgetThenWaitsForItToRefill() {
        RateLimiter limiter = new RateLimiter(60);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.acquire("k", 0));
        }
        long wait = limiter.acquire("k", 0);
        assertEquals(1, wait, "one token a second comes back");
        assertEquals(0, limiter.acquire("other", 0), "keys have their own budgets");
        assertEquals(0, limiter.acquire("k", SECOND + 1), "after a second one more request passes");
        assertTrue(limiter.acquire("k", SECOND + 2) >= 1);
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter off = new RateLimiter(0);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, off.acquire("k", 0));
        }
    }
}
