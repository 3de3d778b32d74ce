package de.bewertungsbox.shell.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportService;

/** Writes a job's rejected rows as CSV (the rows as uploaded plus an error column), to fix and import again. */
@Service
@Command(scope = "bb", name = "import-rejected", description = "Writes an import job's rejected rows to a CSV file")
public class ImportRejectedCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "job", required = true, description = "The job id")
    String job;

    @Argument(index = 2, name = "file", required = true, description = "The CSV file to write (must not exist)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        Path out = Path.of(file);
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out.toAbsolutePath() + " exists already");
        }
        boolean found;
        try (OutputStream os = Files.newOutputStream(out)) {
            found = imports.writeRejected(Projects.resolve(projects, project).id(), Ids.parse(job, "job"), os);
        }
        if (!found) {
            Files.deleteIfExists(out);
            throw new IllegalArgumentException("no import job " + job + " in project " + project);
        }
        System.out.println("Rejected rows written to " + out.toAbsolutePath());
        return null;
    }
}
