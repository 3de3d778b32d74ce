package de.bewertungsbox.strategy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.strategy.Eligibility;
import de.bewertungsbox.api.strategy.Eligibility.Reason;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.Trigger;

class ExplainTest {
    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    static Customer customer(int charges, Map<String, Long> spent, boolean subscribes, Instant lastCharge,
                             Instant optedOut) {
        return new Customer(UUID.randomUUID(), UUID.randomUUID(), "Anna", "Schmidt", "anna@example.com", null, null,
                null, Instant.parse("2026-03-01T10:00:00Z"), subscribes, optedOut, Set.of("csv"), charges, spent,
                lastCharge, NOW, NOW);
    }

    static Strategy strategy(Trigger trigger, Conditions conditions) {
        Strategy d = Strategy.defaults();
        return new Strategy(true, trigger, new Delay(3, DelayUnit.DAYS), d.channels(), null, List.of(), conditions,
                d.caps(), d.templates());
    }

    private static Reason reason(Eligibility e, String condition) {
        return e.reasons().stream().filter(r -> r.condition().equals(condition)).findFirst().orElseThrow();
    }

    @Test
    void everyConditionIsExplainedWithItsValues() {
        Eligibility e = Explain.of(strategy(Trigger.LAST_CHARGE, new Conditions(true, 3, 10_000, 4_000, "eur")),
                customer(2, Map.of("eur", 9_100L, "usd", 50_000L), false, Instant.parse("2026-03-02T10:00:00Z"), null),
                NOW);
        assertFalse(e.eligible());
        assertEquals("2 charges, 3 required", reason(e, "min_charges").explanation());
        assertEquals("91.00 EUR spent, 100.00 EUR required", reason(e, "min_total").explanation(),
                "only the strategy's currency counts");
        assertEquals("45.50 EUR per charge on average, 40.00 EUR required", reason(e, "min_average").explanation());
        assertTrue(reason(e, "min_average").met());
        assertEquals("no active subscription, one required", reason(e, "require_subscription").explanation());
        assertNull(e.nextSendAt());
    }

    @Test
    void anEligibleCustomerGetsTheDueTimeOrTheNextOpeningWhenItHasPassed() {
        Strategy s = strategy(Trigger.SIGNUP, new Conditions(false, 0, 0, 0, "eur"));
        Instant before = Instant.parse("2026-03-02T08:00:00Z");
        Eligibility e = Explain.of(s, customer(0, Map.of(), false, null, null), before);
        assertTrue(e.eligible(), e.toString());
        assertEquals(Instant.parse("2026-03-04T10:00:00Z"), e.nextSendAt(), "signup plus 3 days");
        Eligibility late = Explain.of(s, customer(0, Map.of(), false, null, null), NOW);
        assertEquals(NOW, late.nextSendAt(), "the due time has passed: now (no window)");
    }

    @Test
    void optedOutDisabledAndNoPaymentYetAreReasonsToo() {
        Strategy off = new Strategy(false, Trigger.LAST_CHARGE, new Delay(1, DelayUnit.DAYS), List.of(
                Strategy.Channel.EMAIL), null, List.of(), new Conditions(false, 0, 0, 0, "eur"),
                Strategy.defaults().caps(), Strategy.defaults().templates());
        Eligibility e = Explain.of(off, customer(0, Map.of(), false, null, NOW), NOW);
        assertFalse(reason(e, "enabled").met());
        assertFalse(reason(e, "opted_out").met());
        assertEquals("no payment yet, and the strategy counts from the last payment", reason(e, "trigger")
                .explanation());
    }
}
