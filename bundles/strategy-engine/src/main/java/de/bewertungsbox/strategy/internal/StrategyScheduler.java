package de.bewertungsbox.strategy.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;

/**
 * Re-evaluates every enabled strategy periodically. Every {@code evaluate_seconds} a cheap pass schedules the
 * customers whose delay ran out since the previous pass (with the last-payment trigger this includes everyone who
 * just paid). Every {@code full_evaluate_minutes}, and at start, a full pass looks at every customer not yet asked,
 * so customers whose data changed (imports, payments, subscriptions) so that they now qualify are found too; a
 * strategy edit starts a full pass at once (REST). Both are keyset scans in the database; safe on several nodes (a
 * customer is scheduled once). Threading: one private scheduler thread.
 */
@Component(service = StrategyScheduler.class, immediate = true, configurationPid = "de.bewertungsbox.strategy")
@Designate(ocd = StrategySchedulerConfig.class)
public class StrategyScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyScheduler.class);

    private final StrategyEngine engine;
    private final StrategyStore strategies;
    private final ScheduledExecutorService timer;
    private final Map<UUID, Instant> lastPass = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastFull = new ConcurrentHashMap<>();
    private volatile Duration fullEvery = Duration.ofMinutes(15);
    private ScheduledFuture<?> task;

    /**
     * @param engine     the engine that evaluates a project
     * @param strategies the strategies
     * @param config     configuration
     */
    @Activate
    public StrategyScheduler(@Reference(name = "engine") StrategyEngine engine,
                             @Reference(name = "strategies") StrategyStore strategies, StrategySchedulerConfig config) {
        this.engine = engine;
        this.strategies = strategies;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bewertungsbox-strategy");
            t.setDaemon(true);
            return t;
        });
        configure(config);
    }

    /** @param config the new configuration */
    @Modified
    synchronized void configure(StrategySchedulerConfig config) {
        if (task != null) {
            task.cancel(false);
        }
        fullEvery = Duration.ofMinutes(Math.max(1, config.full__evaluate__minutes()));
        long every = Math.max(1, config.evaluate__seconds());
        task = timer.scheduleWithFixedDelay(this::evaluateAll, Math.min(every, 5), every, TimeUnit.SECONDS);
    }

    void evaluateAll() {
        try {
            for (UUID project : strategies.enabledProjects()) {
                try {
                    Instant now = Instant.now();
                    Instant full = lastFull.get(project);
                    Instant since = lastPass.get(project);
                    if (full == null || since == null || full.plus(fullEvery).isBefore(now)) {
                        engine.evaluate(project);
                        lastFull.put(project, now);
                    } else {
                        engine.evaluate(project, since);
                    }
                    lastPass.put(project, now);
                } catch (RuntimeException e) {
                    LOG.warn("Evaluating the strategy of project {} failed: {}", project, e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Evaluating strategies failed: {}", e.getMessage());
        }
    }

    /** Stops the evaluations. */
    @Deactivate
    void deactivate() {
        // No interrupts: H2 closes its database file when a thread is interrupted inside it.
        timer.shutdown();
    }
}
