package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportService;

/** Lists a project's import jobs, newest first. */
@Service
@Command(scope = "bb", name = "import-list", description = "Lists a project's import jobs, newest first")
public class ImportListCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Option(name = "--limit", description = "How many jobs (1-1000)")
    int limit = 20;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Importer");
        table.column("Status");
        table.column("Read").alignRight();
        table.column("Created").alignRight();
        table.column("Updated").alignRight();
        table.column("Rejected").alignRight();
        table.column("Started");
        for (ImportJob j : imports.list(Projects.resolve(projects, project).id(), limit, null).data()) {
            table.addRow().addContent(j.id(), j.importerId(), j.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (j.dryRun() ? " (dry run)" : ""), j.report().total(), j.report().created(),
                    j.report().updated(), j.report().rejected(), j.startedAt() == null ? "-" : j.startedAt());
        }
        table.print(System.out);
        return null;
    }
}
