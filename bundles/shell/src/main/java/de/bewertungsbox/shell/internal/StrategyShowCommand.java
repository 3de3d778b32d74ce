package de.bewertungsbox.shell.internal;

import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.StrategyStore;

/** Shows a project's request strategy. */
@Service
@Command(scope = "bb", name = "strategy-show", description = "Shows a project's request strategy")
public class StrategyShowCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    StrategyStore strategies;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Override
    public Object execute() {
        java.util.UUID p = Projects.resolve(projects, project).id();
        boolean set = strategies.find(p).isPresent();
        Strategy s = strategies.find(p).orElseGet(Strategy::defaults);
        System.out.println("Strategy     " + (s.enabled() ? "on" : "off") + (set ? "" : " (defaults: never set)"));
        System.out.println("Ask          " + delay(s.delay()) + " after the " + (s.trigger() == Strategy.Trigger.SIGNUP
                ? "signup" : "last payment") + ", by " + s.channels().stream().map(c -> c.name()
                .toLowerCase(Locale.ROOT)).collect(Collectors.joining(" and ")));
        System.out.println("Send window  " + (s.sendWindow() == null ? "any time" : s.sendWindow().days().stream()
                .sorted().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).collect(Collectors.joining(","))
                + " " + s.sendWindow().from() + "-" + s.sendWindow().to() + " " + s.sendWindow().timeZone()));
        System.out.println("Reminders    " + (s.reminders().isEmpty() ? "none" : s.reminders().stream()
                .map(StrategyShowCommand::delay).collect(Collectors.joining(", then "))));
        Strategy.Conditions c = s.conditions();
        System.out.println("Conditions   " + (c.requireSubscription() ? "active subscription; " : "")
                + (c.minCharges() > 0 ? "at least " + c.minCharges() + " charges; " : "")
                + (c.minTotal() > 0 ? "total at least " + c.minTotal() + " " + c.currency() + " (minor units); " : "")
                + (c.minAverage() > 0 ? "average at least " + c.minAverage() + " " + c.currency() + "; " : "")
                + (!c.requireSubscription() && c.minCharges() == 0 && c.minTotal() == 0 && c.minAverage() == 0
                ? "none" : ""));
        Strategy.Caps k = s.caps();
        System.out.println("Caps         e-mail " + cap(k.emailDaily()) + "/day, " + cap(k.emailMonthly())
                + "/month; sms " + cap(k.smsDaily()) + "/day, " + cap(k.smsMonthly()) + "/month");
        return null;
    }

    private static String delay(Delay d) {
        String unit = d.unit().name().toLowerCase(Locale.ROOT);
        return d.amount() + " " + (d.amount() == 1 ? unit.substring(0, unit.length() - 1) : unit);
    }

    private static String cap(int n) {
        return n == 0 ? "no cap" : String.valueOf(n);
    }
}
