package de.bewertungsbox.shell.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;

/** Imports a CSV file into a project, showing progress until the job ends (or returning at once). */
@Service
@Command(scope = "bb", name = "import-csv", description = "Imports customers from a CSV file into a project")
public class ImportCsvCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "file", required = true, description = "The CSV file")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--dry-run", description = "Validate and report only; store nothing")
    boolean dryRun;

    @Option(name = "--delimiter", description = ", ; tab or | (detected when not given)")
    String delimiter;

    @Option(name = "--charset", description = "The file's encoding (default: UTF-8, else Windows-1252)")
    String charset;

    @Option(name = "--date-format", description = "Pattern for slash dates, e.g. dd/MM/yyyy")
    String dateFormat;

    @Option(name = "--no-wait", description = "Print the job id and return at once")
    boolean noWait;

    @Override
    public Object execute() throws Exception {
        Project p = Projects.resolve(projects, project);
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path.toAbsolutePath());
        }
        Map<String, String> params = new HashMap<>();
        putIf(params, "delimiter", delimiter);
        putIf(params, "charset", charset);
        putIf(params, "date_format", dateFormat);
        ImportJob job;
        try (InputStream in = Files.newInputStream(path)) {
            job = imports.start(p.id(), "csv", new ImportOptions(dryRun, params), in);
        }
        if (noWait) {
            System.out.println(job.id());
            return null;
        }
        ImportJob now = job;
        while (now.finishedAt() == null) {
            System.out.print("\r" + JobPrinter.progress(now) + "   ");
            System.out.flush();
            Thread.sleep(250);
            now = imports.find(p.id(), job.id()).orElseThrow();
        }
        System.out.println("\r" + JobPrinter.progress(now) + "   ");
        JobPrinter.print(System.out, now, 20);
        return null;
    }

    private static void putIf(Map<String, String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, value);
        }
    }
}
