package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterRegistry;

/** Starts a sync of a pull importer (Stripe, HubSpot) for a project; follow it with bb:import-show. */
@Service
@Command(scope = "bb", name = "importer-sync", description = "Starts a sync of a pull importer for a project")
public class ImporterSyncCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    ImporterRegistry registry;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "importer", required = true, description = "Importer id")
    @Completion(ImporterCompleter.class)
    String importer;

    @Override
    public Object execute() throws Exception {
        ImporterInfo info = registry.importer(importer)
                .orElseThrow(() -> new IllegalArgumentException("no importer '" + importer + "' is installed"));
        if (info.kind() != ImporterKind.PULL) {
            throw new IllegalArgumentException("'" + importer + "' receives its data; it has nothing to sync");
        }
        ImportJob job = imports.start(Projects.resolve(projects, project).id(), info.id(), ImportOptions.defaults(),
                null);
        System.out.println("Sync started: job " + job.id() + " (bb:import-show " + project + " " + job.id() + ")");
        return null;
    }
}
