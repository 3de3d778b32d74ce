package de.bewertungsbox.importerbcc.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Messages per minute per client address: a sliding window of the last minute's start times. Thread-safe. */
final class ClientRate {
    private static final long WINDOW_MS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    ClientRate(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** @return whether the client may send one more message now (and counts it) */
    boolean tryAcquire(String client) {
        long now = clock.millis();
        Deque<Long> w = windows.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (w) {
            while (!w.isEmpty() && w.peekFirst() <= now - WINDOW_MS) {
                w.pollFirst();
            }
            if (w.size() >= perMinute) {
                return false;
            }
            w.addLast(now);
        }
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() <= now - WINDOW_MS;
                }
            });
        }
        return true;
    }
}
