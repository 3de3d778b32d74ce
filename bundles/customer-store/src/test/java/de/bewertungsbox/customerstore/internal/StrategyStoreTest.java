package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Caps;
import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;
import de.bewertungsbox.api.strategy.Strategy.Templates;
import de.bewertungsbox.api.strategy.Strategy.Trigger;

class StrategyStoreTest extends StoreTestBase {

    static Strategy full() {
        return new Strategy(true, Trigger.LAST_CHARGE, new Delay(2, DelayUnit.HOURS), List.of(Channel.EMAIL,
                Channel.SMS), new SendWindow("Europe/Berlin", Set.of(DayOfWeek.values()),
                LocalTime.of(9, 0), LocalTime.of(18, 30)), List.of(new Delay(3, DelayUnit.DAYS),
                new Delay(1, DelayUnit.MONTHS)), new Conditions(true, 3, 10_000, 2_500, "EUR"), new Caps(100, 2000, 10, 0),
                new Templates("Wie war's, {{first_name}}?", null, "Bewerten Sie uns: {{review_link}}"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStrategyRoundTripsAndReplacesTheOldOne(String kind) {
        DbStrategyStore store = new DbStrategyStore(db(kind).dataSource(), Clock.systemUTC());
        UUID p = projects(kind).create("Strategy " + UUID.randomUUID()).id();
        assertTrue(store.find(p).isEmpty());
        store.save(p, full());
        Strategy back = store.find(p).orElseThrow();
        assertEquals(new Conditions(true, 3, 10_000, 2_500, "eur"), back.conditions());
        assertEquals(full().sendWindow(), back.sendWindow());
        assertEquals(full().reminders(), back.reminders());
        assertEquals(full().channels(), back.channels());
        assertEquals(full().templates(), back.templates());
        store.save(p, Strategy.defaults());
        assertEquals(Strategy.defaults(), store.find(p).orElseThrow());
        assertThrows(NotFoundException.class, () -> store.save(UUID.randomUUID(), full()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anInvalidStrategyIsRefusedWithEveryFieldAndTheOldOneStays(String kind) {
        DbStrategyStore store = new DbStrategyStore(db(kind).dataSource(), Clock.systemUTC());
        UUID p = projects(kind).create("Invalid " + UUID.randomUUID()).id();
        store.save(p, full());
        Strategy bad = new Strategy(true, Trigger.SIGNUP, new Delay(-1, DelayUnit.DAYS), List.of(),
                new SendWindow("Mars/Olympus", Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(9, 0)),
                List.of(new Delay(1, DelayUnit.DAYS), new Delay(1, DelayUnit.DAYS), new Delay(1, DelayUnit.DAYS),
                        new Delay(0, DelayUnit.DAYS)), new Conditions(false, -2, 0, 0, "euro"), new Caps(0, -1, 0, 0),
                new Templates(null, null, null));
        ValidationException e = assertThrows(ValidationException.class, () -> store.save(p, bad));
        assertEquals(List.of("delay.amount", "channels", "send_window.time_zone", "send_window.from", "reminders",
                "reminders[3].amount", "conditions.min_charges", "conditions.currency", "caps.email_monthly"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals(full().sendWindow(), store.find(p).orElseThrow().sendWindow(), "the old strategy stays");
    }
}
