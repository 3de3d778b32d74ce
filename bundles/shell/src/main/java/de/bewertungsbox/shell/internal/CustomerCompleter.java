package de.bewertungsbox.shell.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.ProjectStore;

/**
 * Completes customer ids of the project named by the command's first argument (its first 100 customers).
 */
@Service
public class CustomerCompleter implements Completer {
    @Reference
    ProjectStore projects;

    @Reference
    CustomerStore customers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> args = Arrays.stream(commandLine.getArguments()).filter(a -> !a.startsWith("-")).toList();
        if (args.size() < 2) {
            return -1;
        }
        var project = projects.find(args.get(1));
        if (project.isEmpty()) {
            return -1;
        }
        StringsCompleter ids = new StringsCompleter();
        for (Customer c : customers.list(project.get().id(), new CustomerQuery(null, null, null, null, null, null, 100))
                .data()) {
            ids.getStrings().add(c.id().toString());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
