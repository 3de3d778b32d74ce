package de.bewertungsbox.api.strategy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A project's request strategy.
 *
 * @param enabled    whether requests are scheduled at all
 * @param trigger    what the delay counts from
 * @param delay      how long after the trigger the request is due
 * @param channels   e-mail, SMS or both; at least one
 * @param sendWindow when requests may go out, or {@code null} for any time
 * @param reminders  0 to 3 reminders, each after its delay from the previous message
 * @param conditions who qualifies
 * @param caps       per channel and project, per day and month (0 = none)
 * @param templates  message texts, or {@code null} fields for the defaults
 */
public record Strategy(boolean enabled, Trigger trigger, Delay delay, List<Channel> channels, SendWindow sendWindow,
                       List<Delay> reminders, Conditions conditions, Caps caps, Templates templates) {
    /** Makes the lists immutable. */
    public Strategy {
        channels = List.copyOf(channels);
        reminders = List.copyOf(reminders);
    }

    /** @return the strategy of a project that has not set one: off, e-mail three days after signup, anyone */
    public static Strategy defaults() {
        return new Strategy(false, Trigger.SIGNUP, new Delay(3, DelayUnit.DAYS), List.of(Channel.EMAIL), null,
                List.of(), new Conditions(false, 0, 0, 0, "eur"), new Caps(0, 0, 0, 0), new Templates(null, null, null));
    }

    /** What the delay counts from. */
    public enum Trigger {
        /** the customer's signup date */
        SIGNUP,
        /** the customer's last payment */
        LAST_CHARGE
    }

    /** A message channel. */
    public enum Channel {
        /** e-mail */
        EMAIL,
        /** text message */
        SMS
    }

    /** Units of a delay. */
    public enum DelayUnit {
        /** minutes */
        MINUTES,
        /** hours */
        HOURS,
        /** days */
        DAYS,
        /** calendar months */
        MONTHS
    }

    /**
     * @param amount how many units, 0 or more
     * @param unit   the unit
     */
    public record Delay(int amount, DelayUnit unit) {
    }

    /**
     * @param timeZone an IANA zone such as {@code Europe/Berlin}
     * @param days     the days requests may go out on; at least one
     * @param from     opening time of day, inclusive
     * @param to       closing time of day, exclusive; after {@code from}
     */
    public record SendWindow(String timeZone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        /** Makes the days immutable. */
        public SendWindow {
            days = Set.copyOf(days);
        }
    }

    /**
     * Who qualifies; 0 or {@code false} means the condition is ignored. Amounts are in the currency's minor unit
     * (cents), net of refunds.
     *
     * @param requireSubscription only customers with an active subscription
     * @param minCharges          at least this many payments
     * @param minTotal            at least this much spent in all
     * @param minAverage          at least this much per payment on average
     * @param currency            the ISO 4217 currency of the amounts
     */
    public record Conditions(boolean requireSubscription, int minCharges, long minTotal, long minAverage,
                             String currency) {
    }

    /**
     * Requests per channel and project; beyond a cap, requests wait for the next day or month. 0 = no cap.
     *
     * @param emailDaily   e-mails per day
     * @param emailMonthly e-mails per month
     * @param smsDaily     text messages per day
     * @param smsMonthly   text messages per month
     */
    public record Caps(int emailDaily, int emailMonthly, int smsDaily, int smsMonthly) {
    }

    /**
     * @param emailSubject the e-mail subject, or {@code null} for the default
     * @param emailBody    the e-mail body, or {@code null} for the default
     * @param smsBody      the text message, or {@code null} for the default
     */
    public record Templates(String emailSubject, String emailBody, String smsBody) {
    }
}
