package de.bewertungsbox.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;

/**
 * Changes parts of a project's request strategy; what is not named stays. The store checks the result, and a
 * full evaluation runs right after, as after {@code PUT /strategy}.
 */
@Service
@Command(scope = "bb", name = "strategy-set", description = "Changes a project's request strategy (options not given stay)")
public class StrategySetCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    StrategyStore strategies;

    @Reference
    StrategyEngine engine;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Option(name = "--enabled", description = "true or false")
    String enabled;

    @Option(name = "--trigger", description = "signup or last_charge")
    String trigger;

    @Option(name = "--delay", description = "e.g. '3 days', '2 hours', '1 months', '30 minutes'")
    String delay;

    @Option(name = "--channels", description = "email, sms or email,sms")
    String channels;

    @Option(name = "--window", description = "'mon-fri 09:00-18:00 Europe/Berlin', or 'any'")
    String window;

    @Option(name = "--reminders", description = "e.g. '3 days,7 days' (up to 3), or 'none'")
    String reminders;

    @Option(name = "--min-charges", description = "at least this many charges (0 = ignore)")
    Integer minCharges;

    @Option(name = "--min-total", description = "net total at least this, minor units (0 = ignore)")
    Long minTotal;

    @Override
    public Object execute() {
        UUID p = Projects.resolve(projects, project).id();
        Strategy s = strategies.find(p).orElseGet(Strategy::defaults);
        Conditions c = s.conditions();
        Strategy next = new Strategy(enabled == null ? s.enabled() : StrategyOptions.bool(enabled, "--enabled"),
                trigger == null ? s.trigger() : StrategyOptions.trigger(trigger),
                delay == null ? s.delay() : StrategyOptions.delay(delay, "--delay"),
                channels == null ? s.channels() : StrategyOptions.channels(channels),
                window == null ? s.sendWindow() : StrategyOptions.window(window),
                reminders == null ? s.reminders() : StrategyOptions.reminders(reminders),
                new Conditions(c.requireSubscription(), minCharges == null ? c.minCharges() : minCharges,
                        minTotal == null ? c.minTotal() : minTotal, c.minAverage(), c.currency()),
                s.caps(), s.templates());
        try {
            strategies.save(p, next);
        } catch (ValidationException e) {
            throw new IllegalArgumentException("not changed: " + e.errors().stream()
                    .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        }
        int scheduled = engine.evaluate(p);
        System.out.println("Strategy saved" + (next.enabled() ? "; " + scheduled + " review requests scheduled now"
                : " (off)"));
        return null;
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
