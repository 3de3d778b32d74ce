package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.strategy.Eligibility;
import de.bewertungsbox.api.strategy.StrategyEngine;

/** Explains whether the strategy would ask a customer, and when. */
@Service
@Command(scope = "bb", name = "eligibility", description = "Explains whether the strategy would ask a customer")
public class EligibilityCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    StrategyEngine engine;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "customer", required = true, description = "The customer id")
    @Completion(CustomerCompleter.class)
    String customer;

    @Override
    public Object execute() {
        java.util.UUID p = Projects.resolve(projects, project).id();
        Eligibility e = engine.eligibility(p, Ids.parse(customer, "customer"));
        System.out.println(e.eligible() ? "Eligible: the request goes out at " + e.nextSendAt() : "Not eligible");
        for (Eligibility.Reason r : e.reasons()) {
            System.out.println("  " + (r.met() ? "yes " : "NO  ") + r.condition() + ": " + r.explanation());
        }
        return null;
    }
}
