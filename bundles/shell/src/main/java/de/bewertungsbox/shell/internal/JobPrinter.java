package de.bewertungsbox.shell.internal;

import java.io.PrintStream;
import java.util.List;

import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportReport;
import de.bewertungsbox.api.importer.RowError;

/** Prints import jobs for the shell. */
final class JobPrinter {
    private JobPrinter() {
    }

    static String counts(ImportJob j) {
        ImportReport r = j.report();
        return String.format("%,d read: %,d created, %,d updated, %,d unchanged, %,d rejected", r.total(),
                r.created(), r.updated(), r.unchanged(), r.rejected());
    }

    static String progress(ImportJob j) {
        return j.status().name().toLowerCase(java.util.Locale.ROOT) + (j.percent() >= 0 ? " " + j.percent() + "%" : "")
                + " - " + counts(j);
    }

    static void print(PrintStream out, ImportJob j, int maxErrors) {
        out.println("Job        " + j.id() + (j.dryRun() ? " (dry run: nothing stored)" : ""));
        out.println("Importer   " + j.importerId());
        out.println("Status     " + j.status().name().toLowerCase(java.util.Locale.ROOT)
                + (j.error() == null ? "" : ": " + j.error()));
        out.println("Counts     " + counts(j));
        out.println("Started    " + (j.startedAt() == null ? "-" : j.startedAt()) + ", finished "
                + (j.finishedAt() == null ? "-" : j.finishedAt()));
        if (!j.report().ignoredColumns().isEmpty()) {
            out.println("Ignored    columns " + String.join(", ", j.report().ignoredColumns()));
        }
        List<RowError> errors = j.report().errors();
        for (int i = 0; i < Math.min(maxErrors, errors.size()); i++) {
            RowError e = errors.get(i);
            out.println("  row " + e.row() + (e.line() > 0 ? " (line " + e.line() + ")" : "") + ", " + e.field()
                    + ": " + e.message());
        }
        if (errors.size() > maxErrors || j.report().rejected() > errors.size()) {
            out.println("  ... " + j.report().rejected() + " rejected rows in all (bb:import-show --errors N shows more)");
        }
    }
}
