package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportService;

/** Cancels a queued or running import job; what it stored stays. */
@Service
@Command(scope = "bb", name = "import-cancel", description = "Cancels a running import job (what it stored stays)")
public class ImportCancelCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "job", required = true, description = "The job id")
    String job;

    @Override
    public Object execute() {
        ImportJob j = imports.cancel(Projects.resolve(projects, project).id(), Ids.parse(job, "job"))
                .orElseThrow(() -> new IllegalArgumentException("no import job " + job + " in project " + project));
        System.out.println("Job " + j.id() + ": " + JobPrinter.progress(j)
                + (j.finishedAt() == null ? " (stops at its next batch)" : ""));
        return null;
    }
}
