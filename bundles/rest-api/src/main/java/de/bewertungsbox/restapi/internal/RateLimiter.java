package de.bewertungsbox.restapi.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: {@code perMinute} requests a minute on average, bursts up to the same number.
 * Off when {@code perMinute} is 0. Thread-safe.
 */
final class RateLimiter {
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    RateLimiter(int perMinute) {
        this.perMinute = Math.max(0, perMinute);
    }

    /**
     * @param key     the API key's id
     * @param nowNano {@link System#nanoTime()}
     * @return 0 when the request may pass, else the seconds to wait
     */
    long acquire(String key, long nowNano) {
        if (perMinute == 0) {
            return 0;
        }
        double perNano = perMinute / 60e9;
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nowNano));
        synchronized (b) {
            b.tokens = Math.min(perMinute, b.tokens + (nowNano - b.last) * perNano);
            b.last = nowNano;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }
}
