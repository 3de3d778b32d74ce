package de.bewertungsbox.strategy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;

class ScheduleTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final SendWindow WEEKDAYS = new SendWindow("Europe/Berlin", EnumSet.range(DayOfWeek.MONDAY,
            DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    static Instant berlin(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BERLIN).toInstant();
    }

    static Strategy strategy(Delay delay, SendWindow window, Delay... reminders) {
        Strategy d = Strategy.defaults();
        return new Strategy(true, d.trigger(), delay, d.channels(), window, List.of(reminders), d.conditions(),
                d.caps(), d.templates());
    }

    @Test
    void aDueTimeInsideTheWindowStays() {
        assertEquals(berlin("2026-03-04T10:15"), Schedule.firstDue(strategy(new Delay(2, DelayUnit.HOURS), WEEKDAYS),
                berlin("2026-03-04T08:15")));
    }

    @Test
    void beforeOpeningAfterClosingAndOnTheWeekendItMovesToTheNextOpening() {
        Strategy s = strategy(new Delay(0, DelayUnit.MINUTES), WEEKDAYS);
        assertEquals(berlin("2026-03-04T09:00"), Schedule.firstDue(s, berlin("2026-03-04T06:59")));
        assertEquals(berlin("2026-03-05T09:00"), Schedule.firstDue(s, berlin("2026-03-04T18:00")), "to is exclusive");
        assertEquals(berlin("2026-03-09T09:00"), Schedule.firstDue(s, berlin("2026-03-06T19:30")), "Friday night");
        assertEquals(berlin("2026-03-09T09:00"), Schedule.firstDue(s, berlin("2026-03-08T12:00")), "Sunday");
    }

    @Test
    void daysAreCalendarDaysInTheWindowsZoneAcrossDaylightSavingChanges() {
        // Clocks go forward on 29 March 2026 in Berlin: 3 days after Friday 10:00 is Monday 10:00 local, 71 h later.
        Strategy s = strategy(new Delay(3, DelayUnit.DAYS), WEEKDAYS);
        Instant friday = berlin("2026-03-27T10:00");
        Instant due = Schedule.firstDue(s, friday);
        assertEquals(berlin("2026-03-30T10:00"), due);
        assertEquals(71, java.time.Duration.between(friday, due).toHours());
        // Hours are elapsed time: 72 hours later is 11:00 local.
        assertEquals(berlin("2026-03-30T11:00"), Schedule.firstDue(strategy(new Delay(72, DelayUnit.HOURS), WEEKDAYS),
                friday));
        // Clocks go back on 25 October 2026: a month from 25 September 10:00 is 25 October 10:00 (a Sunday), so
        // Monday 26 October 09:00.
        assertEquals(berlin("2026-10-26T09:00"), Schedule.firstDue(strategy(new Delay(1, DelayUnit.MONTHS), WEEKDAYS),
                berlin("2026-09-25T10:00")));
    }

    @Test
    void anOpeningInsideTheSpringGapIsTheFirstInstantAfterIt() {
        SendWindow night = new SendWindow("Europe/Berlin", EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30),
                LocalTime.of(5, 0));
        // 29 March 2026: 02:00 jumps to 03:00, so 02:30 does not exist; the window opens at 03:30 local (01:30 UTC).
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), Schedule.open(night, Instant.parse("2026-03-28T23:00:00Z")));
    }

    @Test
    void withoutAWindowAnyTimeWorksAndRemindersCountFromThePreviousMessage() {
        Strategy s = strategy(new Delay(30, DelayUnit.MINUTES), null, new Delay(3, DelayUnit.DAYS),
                new Delay(1, DelayUnit.MONTHS));
        Instant t = Instant.parse("2026-01-31T23:45:00Z");
        assertEquals(Instant.parse("2026-02-01T00:15:00Z"), Schedule.firstDue(s, t));
        assertEquals(Instant.parse("2026-02-03T23:45:00Z"), Schedule.reminderDue(s, t, 0));
        assertEquals(Instant.parse("2026-02-28T23:45:00Z"), Schedule.reminderDue(s, t, 1), "month end is kept");
    }
}
