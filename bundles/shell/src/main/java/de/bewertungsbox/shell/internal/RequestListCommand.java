package de.bewertungsbox.shell.internal;

import java.util.Locale;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.notify.RequestQuery;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.notify.ReviewRequest;

/** Lists a project's review requests (the outbox), newest first. */
@Service
@Command(scope = "bb", name = "request-list", description = "Lists a project's review requests, newest first")
public class RequestListCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    RequestStore requests;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Option(name = "--status", description = "scheduled, sent, failed, skipped or cancelled")
    String status;

    @Option(name = "--customer", description = "Only this customer's requests (id)")
    String customer;

    @Option(name = "--limit", description = "How many (1-1000)")
    int limit = 20;

    @Override
    public Object execute() {
        RequestStatus s = null;
        if (status != null) {
            try {
                s = RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--status '" + status + "': use scheduled, sent, failed, skipped "
                        + "or cancelled");
            }
        }
        UUID c = customer == null ? null : Ids.parse(customer, "customer");
        ShellTable table = new ShellTable();
        for (String col : new String[] {"Id", "Customer", "Channel", "Reminder", "Due", "Status", "Attempts",
            "Error"}) {
            table.column(col);
        }
        for (ReviewRequest r : requests.page(Projects.resolve(projects, project).id(), new RequestQuery(s, c, null),
                limit, null).data()) {
            table.addRow().addContent(r.id(), r.customerId(), r.channel(), r.reminder(), r.dueAt(),
                    r.status().name().toLowerCase(Locale.ROOT), r.attempts(), r.error() == null ? "" : r.error());
        }
        table.print(System.out);
        return null;
    }
}
