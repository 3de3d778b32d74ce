package de.bewertungsbox.notifier.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.strategy.Strategy;

/**
 * A project's daily and monthly caps per channel, counted in the strategy's time zone (UTC without a send window).
 * Beyond a cap a request waits for the next day or month. Counts come from the outbox once per batch and are kept
 * up to date in memory while the batch is sent. With several nodes sending for one project at the same moment a cap
 * can be passed by at most one batch.
 */
final class Caps {
    private final RequestStore requests;
    private final Map<String, Long> counts = new HashMap<>();

    /** Why and until when a request waits. */
    record Wait(Instant until, String reason) {
    }

    Caps(RequestStore requests) {
        this.requests = requests;
    }

    Wait check(UUID project, String channel, Strategy s, Instant now) {
        boolean email = "email".equals(channel);
        int daily = email ? s.caps().emailDaily() : s.caps().smsDaily();
        int monthly = email ? s.caps().emailMonthly() : s.caps().smsMonthly();
        ZoneId zone = s.sendWindow() == null ? ZoneOffset.UTC : ZoneId.of(s.sendWindow().timeZone());
        LocalDate today = ZonedDateTime.ofInstant(now, zone).toLocalDate();
        if (monthly > 0) {
            LocalDate first = today.withDayOfMonth(1);
            Instant next = first.plusMonths(1).atStartOfDay(zone).toInstant();
            if (count(project, channel, "m" + first, first.atStartOfDay(zone).toInstant(), next) >= monthly) {
                return new Wait(next, "monthly " + channel + " cap of " + monthly + " reached; waits for " + next);
            }
        }
        if (daily > 0) {
            Instant next = today.plusDays(1).atStartOfDay(zone).toInstant();
            if (count(project, channel, "d" + today, today.atStartOfDay(zone).toInstant(), next) >= daily) {
                return new Wait(next, "daily " + channel + " cap of " + daily + " reached; waits for " + next);
            }
        }
        return null;
    }

    void sent(UUID project, String channel) {
        counts.replaceAll((k, v) -> k.startsWith(project + "/" + channel + "/") ? v + 1 : v);
    }

    private long count(UUID project, String channel, String period, Instant from, Instant to) {
        return counts.computeIfAbsent(project + "/" + channel + "/" + period,
                k -> requests.sentCount(project, channel, from, to));
    }
}
