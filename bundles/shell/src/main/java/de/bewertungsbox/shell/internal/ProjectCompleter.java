package de.bewertungsbox.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/** Completes project slugs. */
@Service
public class ProjectCompleter implements Completer {
    @Reference
    ProjectStore projects;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter slugs = new StringsCompleter();
        for (Project p : projects.list()) {
            slugs.getStrings().add(p.slug());
        }
        return slugs.complete(session, commandLine, candidates);
    }
}
