package de.bewertungsbox.shell.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;
import de.bewertungsbox.api.strategy.Strategy.Trigger;

/** Reads {@code bb:strategy-set}'s options; each mistake is one line naming the option. */
final class StrategyOptions {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private StrategyOptions() {
    }

    static boolean bool(String v, String option) {
        if (!"true".equalsIgnoreCase(v.strip()) && !"false".equalsIgnoreCase(v.strip())) {
            throw new IllegalArgumentException(option + " '" + v + "': use true or false");
        }
        return Boolean.parseBoolean(v.strip());
    }

    static Trigger trigger(String v) {
        try {
            return Trigger.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--trigger '" + v + "': use signup or last_charge");
        }
    }

    static Delay delay(String v, String option) {
        String[] parts = v.strip().split("\\s+");
        try {
            String unit = parts[1].toUpperCase(Locale.ROOT);
            return new Delay(Integer.parseInt(parts[0]), DelayUnit.valueOf(unit.endsWith("S") ? unit : unit + "S"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " '" + v + "': use an amount and a unit, such as '3 days' "
                    + "(minutes, hours, days, months)");
        }
    }

    static List<Channel> channels(String v) {
        List<Channel> out = new ArrayList<>();
        for (String c : StrategySetCommand.split(v)) {
            try {
                out.add(Channel.valueOf(c.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--channels '" + c + "': use email, sms or email,sms");
            }
        }
        return out;
    }

    static List<Delay> reminders(String v) {
        List<Delay> out = new ArrayList<>();
        if (!"none".equalsIgnoreCase(v.strip())) {
            StrategySetCommand.split(v).forEach(r -> out.add(delay(r, "--reminders")));
        }
        return out;
    }

    /** {@code mon-fri 09:00-18:00 Europe/Berlin}, {@code mon,wed 08:00-12:00 UTC} or {@code any}. */
    static SendWindow window(String v) {
        if ("any".equalsIgnoreCase(v.strip())) {
            return null;
        }
        String[] parts = v.strip().split("\\s+");
        String usage = "--window '" + v + "': use days, hours and a time zone, such as 'mon-fri 09:00-18:00 "
                + "Europe/Berlin', or 'any'";
        if (parts.length != 3) {
            throw new IllegalArgumentException(usage);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : StrategySetCommand.split(parts[0].toLowerCase(Locale.ROOT))) {
            String[] range = d.split("-");
            int from = DAYS.indexOf(range[0]);
            int to = DAYS.indexOf(range[range.length - 1]);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(usage);
            }
            for (int i = from; i <= to; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        String[] hours = parts[1].split("-");
        try {
            return new SendWindow(parts[2], days, LocalTime.parse(hours[0]), LocalTime.parse(hours[1]));
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(usage);
        }
    }
}
