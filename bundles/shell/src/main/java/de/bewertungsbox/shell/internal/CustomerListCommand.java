package de.bewertungsbox.shell.internal;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.ProjectStore;

/** Lists a project's customers, oldest first, with filters and paging. */
@Service
@Command(scope = "bb", name = "customer-list", description = "Lists a project's customers")
public class CustomerListCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    CustomerStore customers;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Option(name = "-q", description = "Name, company or e-mail contains")
    String text;

    @Option(name = "--email", description = "Exact e-mail")
    String email;

    @Option(name = "--phone", description = "Exact phone")
    String phone;

    @Option(name = "--location", description = "Location slug or id")
    String location;

    @Option(name = "--source", description = "Known to this source (csv, api, stripe, ...)")
    String source;

    @Option(name = "--limit", description = "How many (1-1000)")
    int limit = 50;

    @Option(name = "--after", description = "Cursor printed by the previous page")
    String after;

    @Override
    public Object execute() {
        UUID cursor = after == null ? null : Ids.parse(after, "cursor");
        Page<Customer> page = customers.list(Projects.resolve(projects, project).id(),
                new CustomerQuery(email, phone, text, location, source, cursor, Math.max(1, Math.min(1000, limit))));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("E-mail");
        table.column("Phone");
        table.column("Company");
        table.column("Sources");
        for (Customer c : page.data()) {
            table.addRow().addContent(c.id(), (c.firstName() + " " + (c.lastName() == null ? "" : c.lastName())).strip(),
                    c.email() == null ? "" : c.email(), c.phone() == null ? "" : c.phone(),
                    c.company() == null ? "" : c.company(), String.join(",", c.sources()));
        }
        table.print(System.out);
        if (page.hasMore()) {
            System.out.println("More: bb:customer-list --after " + page.nextCursor() + " " + project);
        }
        return null;
    }
}
