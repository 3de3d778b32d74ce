package de.bewertungsbox.api.importer;

import java.util.List;

/**
 * Counts and row errors of an import job; kept up to date while the job runs.
 *
 * @param total          records read
 * @param created        customers created
 * @param updated        customers changed
 * @param unchanged      records that matched a customer with the same values
 * @param rejected       records refused
 * @param errors         the first row errors (at most 1,000); {@code rejected} holds the full count
 * @param ignoredColumns input columns that were not understood
 */
public record ImportReport(long total, long created, long updated, long unchanged, long rejected,
                           List<RowError> errors, List<String> ignoredColumns) {
    /** Makes the lists immutable. */
    public ImportReport {
        errors = List.copyOf(errors);
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
