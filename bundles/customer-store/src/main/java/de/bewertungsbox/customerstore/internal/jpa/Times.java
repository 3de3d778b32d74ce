package de.bewertungsbox.customerstore.internal.jpa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions between API instants and the UTC {@code TIMESTAMP} columns. */
public final class Times {
    private Times() {
    }

    /** @param t UTC timestamp or null @return the instant or null */
    public static Instant toInstant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** @param i instant or null @return the UTC timestamp, at the databases' microsecond precision, or null */
    public static LocalDateTime toUtc(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
