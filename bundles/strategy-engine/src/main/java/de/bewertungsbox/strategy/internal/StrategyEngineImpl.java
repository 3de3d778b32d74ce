package de.bewertungsbox.strategy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.strategy.Eligibility;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;

/** The strategy engine: due times ({@link Schedule}) and explanations ({@link Explain}). */
@Component(service = StrategyEngine.class)
public class StrategyEngineImpl implements StrategyEngine {
    private final CustomerStore customers;
    private final StrategyStore strategies;
    private final Clock clock;

    /**
     * @param customers  the customers
     * @param strategies the strategies
     */
    @Activate
    public StrategyEngineImpl(@Reference(name = "customers") CustomerStore customers,
                              @Reference(name = "strategies") StrategyStore strategies) {
        this(customers, strategies, Clock.systemUTC());
    }

    StrategyEngineImpl(CustomerStore customers, StrategyStore strategies, Clock clock) {
        this.customers = customers;
        this.strategies = strategies;
        this.clock = clock;
    }

    @Override
    public Eligibility eligibility(UUID projectId, UUID customerId) {
        Customer c = customers.find(projectId, customerId).orElseThrow(() -> new NotFoundException(
                "no such customer in this project"));
        return Explain.of(strategies.find(projectId).orElseGet(Strategy::defaults), c, clock.instant());
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
