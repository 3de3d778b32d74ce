package de.bewertungsbox.strategy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.strategy.Eligibility;
import de.bewertungsbox.api.strategy.Eligibility.Reason;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Trigger;

/**
 * Checks one customer against a strategy, condition by condition, in words with the values ("2 charges, 3
 * required"). Amounts count in the strategy's currency, net of refunds. When every condition is met, the request
 * goes out at the first due time, or at the next opening of the send window when that time has passed.
 */
final class Explain {
    private Explain() {
    }

    static Eligibility of(Strategy s, Customer c, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("enabled", s.enabled(), s.enabled() ? "the strategy is on" : "the strategy is off"));
        boolean optedOut = c.optedOutAt() != null;
        reasons.add(new Reason("opted_out", !optedOut, optedOut ? "opted out on " + c.optedOutAt()
                : "has not opted out"));
        Instant trigger = s.trigger() == Trigger.SIGNUP ? c.signedUpAt() : c.lastChargeAt();
        reasons.add(new Reason("trigger", trigger != null, trigger == null
                ? "no payment yet, and the strategy counts from the last payment"
                : (s.trigger() == Trigger.SIGNUP ? "signed up " : "last payment ") + trigger));
        Conditions k = s.conditions();
        if (k.requireSubscription()) {
            reasons.add(new Reason("require_subscription", c.hasSubscription(), c.hasSubscription()
                    ? "has an active subscription" : "no active subscription, one required"));
        }
        if (k.minCharges() > 0) {
            reasons.add(new Reason("min_charges", c.chargeCount() >= k.minCharges(), plural(c.chargeCount(), "charge")
                    + ", " + k.minCharges() + " required"));
        }
        String currency = k.currency().toLowerCase(Locale.ROOT);
        long total = c.totalSpent().getOrDefault(currency, 0L);
        if (k.minTotal() > 0) {
            reasons.add(new Reason("min_total", total >= k.minTotal(), money(total, currency) + " spent, "
                    + money(k.minTotal(), currency) + " required"));
        }
        if (k.minAverage() > 0) {
            long average = c.chargeCount() == 0 ? 0 : total / c.chargeCount();
            reasons.add(new Reason("min_average", c.chargeCount() > 0 && average >= k.minAverage(), money(average,
                    currency) + " per charge on average, " + money(k.minAverage(), currency) + " required"));
        }
        boolean eligible = reasons.stream().allMatch(Reason::met);
        Instant next = null;
        if (eligible) {
            Instant due = Schedule.firstDue(s, trigger);
            next = due.isBefore(now) ? Schedule.open(s.sendWindow(), now) : due;
        }
        return new Eligibility(eligible, reasons, next);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Minor units as an amount with its currency: 4550 eur is "45.50 EUR". */
    static String money(long minor, String currency) {
        String sign = minor < 0 ? "-" : "";
        long abs = Math.abs(minor);
        return String.format(Locale.ROOT, "%s%d.%02d %s", sign, abs / 100, abs % 100,
                currency.toUpperCase(Locale.ROOT));
    }
}
