package de.bewertungsbox.shell.internal;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportService;

/** Shows one import job: status, counts, and its first row errors. */
@Service
@Command(scope = "bb", name = "import-show", description = "Shows an import job with its counts and row errors")
public class ImportShowCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "job", required = true, description = "The job id")
    String job;

    @Option(name = "--errors", description = "How many row errors to show (at most 1000)")
    int errors = 20;

    @Override
    public Object execute() {
        UUID id = Ids.parse(job, "job");
        ImportJob j = imports.find(Projects.resolve(projects, project).id(), id)
                .orElseThrow(() -> new IllegalArgumentException("no import job " + job + " in project " + project));
        JobPrinter.print(System.out, j, errors);
        return null;
    }
}
