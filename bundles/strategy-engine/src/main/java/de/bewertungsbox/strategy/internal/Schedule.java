package de.bewertungsbox.strategy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;

/**
 * Due times. A delay in minutes or hours is exact elapsed time; days and months are calendar steps in the send
 * window's time zone (UTC without a window), so "3 days" keeps the time of day across a daylight-saving change. A
 * due time outside the window moves to the window's next opening. An opening that falls into a daylight-saving gap
 * (02:30 on the night clocks jump from 02:00 to 03:00) is the first valid instant after it.
 */
final class Schedule {
    private Schedule() {
    }

    static Instant firstDue(Strategy s, Instant trigger) {
        return open(s.sendWindow(), plus(trigger, s.delay(), zone(s.sendWindow())));
    }

    static Instant reminderDue(Strategy s, Instant previous, int reminder) {
        return open(s.sendWindow(), plus(previous, s.reminders().get(reminder), zone(s.sendWindow())));
    }

    static ZoneId zone(SendWindow w) {
        return w == null ? ZoneOffset.UTC : ZoneId.of(w.timeZone());
    }

    static Instant plus(Instant t, Delay d, ZoneId zone) {
        return switch (d.unit()) {
            case MINUTES -> t.plus(Duration.ofMinutes(d.amount()));
            case HOURS -> t.plus(Duration.ofHours(d.amount()));
            case DAYS -> ZonedDateTime.ofInstant(t, zone).plusDays(d.amount()).toInstant();
            case MONTHS -> ZonedDateTime.ofInstant(t, zone).plusMonths(d.amount()).toInstant();
        };
    }

    /**
     * @return the latest trigger whose delay has run out by {@code t}, or a little later for months (whose steps
     *         differ in length); callers check each trigger with {@link #plus}
     */
    static Instant latestTrigger(Instant t, Delay d, ZoneId zone) {
        return switch (d.unit()) {
            case MINUTES -> t.minus(Duration.ofMinutes(d.amount()));
            case HOURS -> t.minus(Duration.ofHours(d.amount()));
            case DAYS -> ZonedDateTime.ofInstant(t, zone).minusDays(d.amount()).toInstant();
            case MONTHS -> ZonedDateTime.ofInstant(t, zone).minusMonths(d.amount()).plusDays(3).toInstant();
        };
    }

    /** @return a trigger at or before the earliest whose delay runs out at {@code t} (months: 3 days earlier) */
    static Instant earliestTrigger(Instant t, Delay d, ZoneId zone) {
        return d.unit() == Strategy.DelayUnit.MONTHS
                ? ZonedDateTime.ofInstant(t, zone).minusMonths(d.amount()).minusDays(3).toInstant()
                : latestTrigger(t, d, zone);
    }

    /** @return {@code t} when the window is open then (or there is none), else the window's next opening */
    static Instant open(SendWindow w, Instant t) {
        if (w == null || w.days().isEmpty()) {
            return t;
        }
        ZoneId zone = ZoneId.of(w.timeZone());
        ZonedDateTime local = ZonedDateTime.ofInstant(t, zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
            if (!w.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime from = day.atTime(w.from()).atZone(zone);
            ZonedDateTime to = day.atTime(w.to()).atZone(zone);
            if (i == 0) {
                LocalTime now = local.toLocalTime();
                if (!now.isBefore(w.from()) && now.isBefore(w.to())) {
                    return t;
                }
                if (local.isBefore(from)) {
                    return from.toInstant();
                }
                if (!local.isBefore(to)) {
                    continue;
                }
            }
            return from.toInstant();
        }
        throw new IllegalStateException("a send window without an opening in a week: " + w);
    }
}
