package de.bewertungsbox.strategy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.StrategyEngine.Preview;
import de.bewertungsbox.api.strategy.StrategyStore;

/**
 * The engine's passes over the due set: which trigger range it asks the store for, the due times it gives, the
 * channels per customer, and the preview. The store is a list of customers filtered the way the SQL filters them.
 */
class EvaluationTest {
    private static final Instant NOW = ScheduleTest.berlin("2026-03-04T12:00");
    private static final Instant ENABLED = NOW.minus(Duration.ofDays(10));
    private final List<DueCustomer> customers = new ArrayList<>();
    private final List<NewRequest> scheduled = new ArrayList<>();
    private final List<Instant[]> ranges = new ArrayList<>();

    private DueCustomer customer(String name, Instant trigger, boolean email, boolean phone) {
        DueCustomer c = new DueCustomer(UUID.randomUUID(), name, null, trigger, email, phone);
        customers.add(c);
        return c;
    }

    private RequestStore store() {
        return (RequestStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RequestStore.class},
                (proxy, m, a) -> switch (m.getName()) {
                    case "dueSet" -> {
                        Instant from = (Instant) a[2];
                        Instant to = (Instant) a[3];
                        DueCustomer after = (DueCustomer) a[4];
                        ranges.add(new Instant[] {from, to});
                        yield customers.stream().filter(c -> !c.trigger().isBefore(from) && !c.trigger().isAfter(to))
                                .filter(c -> scheduled.stream().noneMatch(r -> r.customerId().equals(c.id())))
                                .sorted(Comparator.comparing(DueCustomer::trigger))
                                .filter(c -> after == null || c.trigger().isAfter(after.trigger()))
                                .limit((Integer) a[5]).toList();
                    }
                    case "schedule" -> {
                        @SuppressWarnings("unchecked")
                        List<NewRequest> r = (List<NewRequest>) a[1];
                        scheduled.addAll(r);
                        yield r.stream().map(x -> new ReviewRequest(UUID.randomUUID(), (UUID) a[0], x.customerId(),
                                x.channel(), x.reminder(), x.dueAt(), RequestStatus.SCHEDULED, 0, null, null)).toList();
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static StrategyStore strategies(Strategy s, Instant activeFrom) {
        return (StrategyStore) Proxy.newProxyInstance(EvaluationTest.class.getClassLoader(),
                new Class<?>[] {StrategyStore.class}, (proxy, m, a) -> switch (m.getName()) {
                    case "find" -> Optional.of(s);
                    case "activeFrom" -> Optional.ofNullable(activeFrom);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Strategy strategy(boolean enabled, Delay delay, List<Channel> channels) {
        Strategy d = Strategy.defaults();
        return new Strategy(enabled, d.trigger(), delay, channels, ScheduleTest.WEEKDAYS, List.of(), d.conditions(),
                d.caps(), d.templates());
    }

    private StrategyEngineImpl engine(Strategy s, Instant activeFrom) {
        return new StrategyEngineImpl(null, strategies(s, activeFrom), store(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aFullPassAsksThoseWhoseMomentCameAfterTheStrategyWasSwitchedOnOnTheirChannels() {
        Strategy s = strategy(true, new Delay(3, DelayUnit.DAYS), List.of(Channel.EMAIL, Channel.SMS));
        customer("before", ENABLED.minus(Duration.ofDays(4)), true, true);
        DueCustomer both = customer("both", NOW.minus(Duration.ofDays(5)), true, true);
        DueCustomer phoneOnly = customer("phone", NOW.minus(Duration.ofDays(4)), false, true);
        customer("notYet", NOW.minus(Duration.ofDays(1)), true, false);
        assertEquals(3, engine(s, ENABLED).evaluate(UUID.randomUUID()), "one request per channel with an address");
        assertEquals(List.of("email", "sms"), scheduled.stream().filter(r -> r.customerId().equals(both.id()))
                .map(NewRequest::channel).toList());
        assertEquals(List.of("sms"), scheduled.stream().filter(r -> r.customerId().equals(phoneOnly.id()))
                .map(NewRequest::channel).toList());
        assertEquals(NOW, scheduled.get(0).dueAt(), "overdue moments go out now (Wednesday 12:00 is in the window)");
        assertEquals(ENABLED.minus(Duration.ofDays(3)).minusSeconds(1), ranges.get(0)[0], "from the switch-on");
        assertEquals(NOW.minus(Duration.ofDays(3)), ranges.get(0)[1], "up to moments whose delay ran out");
    }

    @Test
    void thePeriodicPassLooksOnlyAtTheLastSliceAndTheOffStrategyAsksNoOne() {
        Strategy s = strategy(true, new Delay(2, DelayUnit.HOURS), List.of(Channel.EMAIL));
        Instant since = NOW.minusSeconds(60);
        engine(s, ENABLED).evaluate(UUID.randomUUID(), since);
        assertEquals(since.minus(Duration.ofHours(2)).minusSeconds(1), ranges.get(0)[0]);
        assertEquals(NOW.minus(Duration.ofHours(2)), ranges.get(0)[1]);
        customer("x", NOW.minus(Duration.ofHours(3)), true, false);
        assertEquals(0, engine(strategy(false, new Delay(0, DelayUnit.MINUTES), List.of(Channel.EMAIL)), null)
                .evaluate(UUID.randomUUID()));
        assertTrue(scheduled.isEmpty());
    }

    @Test
    void thePreviewListsWhoWouldBeAskedInTheNextDaysInTheWindowAndSchedulesNothing() {
        Strategy s = strategy(false, new Delay(3, DelayUnit.DAYS), List.of(Channel.EMAIL));
        DueCustomer tuesdayEvening = customer("tuesday", ScheduleTest.berlin("2026-03-03T20:00"), true, false);
        customer("later", NOW.plus(Duration.ofDays(6)), true, false);
        customer("old", NOW.minus(Duration.ofDays(30)), true, false);
        List<Preview> p = engine(s, null).preview(UUID.randomUUID(), 7, 10);
        assertEquals(1, p.size(), "off: counted from now; the old moment passed, the later one is beyond 7 days");
        assertEquals(tuesdayEvening.id(), p.get(0).customerId());
        assertEquals(ScheduleTest.berlin("2026-03-09T09:00"), p.get(0).sendAt(),
                "3 days after Tuesday 20:00 is Friday 20:00, outside the window: Monday 09:00");
        assertTrue(scheduled.isEmpty());
    }
}
