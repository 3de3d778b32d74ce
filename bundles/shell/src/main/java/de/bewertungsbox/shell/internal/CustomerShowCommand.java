package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.Charge;
import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.ProjectStore;

/** Shows one customer with billing figures and charges. */
@Service
@Command(scope = "bb", name = "customer-show", description = "Shows a customer with its charges")
public class CustomerShowCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    CustomerStore customers;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "customer", required = true, description = "The customer id")
    @Completion(CustomerCompleter.class)
    String customer;

    @Override
    public Object execute() {
        java.util.UUID p = Projects.resolve(projects, project).id();
        Customer c = customers.find(p, Ids.parse(customer, "customer"))
                .orElseThrow(() -> new IllegalArgumentException("no customer " + customer + " in project " + project));
        System.out.println("Customer     " + c.id());
        System.out.println("Name         " + (c.firstName() + " " + (c.lastName() == null ? "" : c.lastName())).strip());
        System.out.println("E-mail       " + (c.email() == null ? "-" : c.email()));
        System.out.println("Phone        " + (c.phone() == null ? "-" : c.phone()));
        System.out.println("Company      " + (c.company() == null ? "-" : c.company()));
        System.out.println("Signed up    " + c.signedUpAt());
        System.out.println("Subscription " + (c.hasSubscription() ? "active" : "none"));
        System.out.println("Opted out    " + (c.optedOutAt() == null ? "no" : c.optedOutAt()));
        System.out.println("Sources      " + String.join(", ", c.sources()));
        System.out.println("Charges      " + c.chargeCount() + ", net " + c.totalSpent());
        for (Charge ch : customers.charges(p, c.id())) {
            System.out.println("  " + ch.chargedAt() + "  " + ch.amount() + " " + ch.currency()
                    + (ch.externalId() == null ? "" : "  " + ch.externalId()));
        }
        return null;
    }
}
