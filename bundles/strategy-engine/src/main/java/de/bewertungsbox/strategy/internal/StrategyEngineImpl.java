package de.bewertungsbox.strategy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.strategy.Eligibility;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;
import de.bewertungsbox.strategy.internal.Evaluation.Planned;

/**
 * The strategy engine: due times ({@link Schedule}), explanations ({@link Explain}), and evaluation of a project's
 * customers into first requests ({@link Evaluation}, run by {@link StrategyScheduler}). Stateless, thread-safe.
 */
@Component(service = StrategyEngine.class)
public class StrategyEngineImpl implements StrategyEngine {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyEngineImpl.class);
    private final CustomerStore customers;
    private final StrategyStore strategies;
    private final RequestStore requests;
    private final Clock clock;

    /**
     * @param customers  the customers
     * @param strategies the strategies
     * @param requests   the outbox
     */
    @Activate
    public StrategyEngineImpl(@Reference(name = "customers") CustomerStore customers,
                              @Reference(name = "strategies") StrategyStore strategies,
                              @Reference(name = "requests") RequestStore requests) {
        this(customers, strategies, requests, Clock.systemUTC());
    }

    StrategyEngineImpl(CustomerStore customers, StrategyStore strategies, RequestStore requests, Clock clock) {
        this.customers = customers;
        this.strategies = strategies;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public Eligibility eligibility(UUID projectId, UUID customerId) {
        Customer c = customers.find(projectId, customerId).orElseThrow(() -> new NotFoundException(
                "no such customer in this project"));
        return Explain.of(strategies.find(projectId).orElseGet(Strategy::defaults), c, clock.instant());
    }

    @Override
    public int evaluate(UUID projectId) {
        return evaluate(projectId, (Instant) null);
    }

    @Override
    public int evaluate(UUID projectId, Instant since) {
        Strategy s = strategies.find(projectId).orElse(null);
        if (s == null || !s.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant active = strategies.activeFrom(projectId).orElse(now);
        if (since != null && since.isAfter(active)) {
            active = since;
        }
        int[] scheduled = {0};
        Evaluation.run(requests, projectId, s, active, now, now, page -> {
            List<NewRequest> batch = new ArrayList<>();
            for (Planned p : page) {
                p.channels().forEach(ch -> batch.add(new NewRequest(p.customer().id(), ch, 0, p.due())));
            }
            scheduled[0] += requests.schedule(projectId, batch, true).size();
            return true;
        });
        if (scheduled[0] > 0) {
            LOG.info("Strategy of project {} scheduled {} review requests", projectId, scheduled[0]);
        }
        return scheduled[0];
    }

    @Override
    public List<Preview> preview(UUID projectId, int days, int limit) {
        Strategy s = strategies.find(projectId).orElseGet(Strategy::defaults);
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(Math.max(1, Math.min(90, days))));
        // Moments from now on: whoever was due before is scheduled by the running passes (or does not qualify),
        // and looking at years of past triggers would make the preview as slow as a full evaluation.
        Instant active = now;
        List<Preview> out = new ArrayList<>();
        Evaluation.run(requests, projectId, s, active, now, until, page -> {
            for (Planned p : page) {
                if (out.size() < limit && !p.due().isAfter(until)) {
                    out.add(new Preview(p.customer().id(), p.customer().firstName(), p.customer().lastName(),
                            p.channels(), p.due()));
                }
            }
            return out.size() < limit;
        });
        out.sort(Comparator.comparing(Preview::sendAt));
        return out;
    }

    @Override
    public Instant firstDue(Strategy strategy, Instant trigger) {
        return Schedule.firstDue(strategy, trigger);
    }

    @Override
    public Instant reminderDue(Strategy strategy, Instant previous, int reminder) {
        return Schedule.reminderDue(strategy, previous, reminder);
    }
}
