package de.bewertungsbox.strategy.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Channel;

/**
 * One pass of a strategy over a project's customers: pages through the due-set query (the conditions are
 * evaluated in the database) and turns each page into first requests with their due times.
 */
final class Evaluation {
    static final int PAGE = 1_000;

    private Evaluation() {
    }

    /**
     * @param consumer gets each page's customers with their due times and channels, in trigger order; returns
     *                 {@code false} to stop
     * @param until    only customers whose first request is due by then
     */
    static void run(RequestStore requests, UUID projectId, Strategy s, Instant activeFrom, Instant now, Instant until,
                    Predicate<List<Planned>> consumer) {
        ZoneId zone = Schedule.zone(s.sendWindow());
        Instant from = Schedule.earliestTrigger(activeFrom, s.delay(), zone).minusSeconds(1);
        Instant to = Schedule.latestTrigger(until, s.delay(), zone);
        DueCustomer after = null;
        while (true) {
            List<DueCustomer> page = requests.dueSet(projectId, s, from, to, after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            List<Planned> batch = new ArrayList<>();
            for (DueCustomer c : page) {
                if (Schedule.plus(c.trigger(), s.delay(), zone).isAfter(until)) {
                    continue;
                }
                Instant due = Schedule.firstDue(s, c.trigger());
                if (due.isBefore(now)) {
                    due = Schedule.open(s.sendWindow(), now);
                }
                List<String> channels = new ArrayList<>();
                for (Channel ch : s.channels()) {
                    if (ch == Channel.EMAIL ? c.hasEmail() : c.hasPhone()) {
                        channels.add(ch.name().toLowerCase(Locale.ROOT));
                    }
                }
                batch.add(new Planned(c, due, channels));
            }
            if (!consumer.test(batch) || page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** A customer of the due set with the first request's time and channels. */
    record Planned(DueCustomer customer, Instant due, List<String> channels) {
    }
}
