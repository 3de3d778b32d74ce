package de.bewertungsbox.api.importjob;

import java.util.List;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * One record of an import batch.
 *
 * @param at       where it is in the source, with its raw values
 * @param customer the mapped record, or {@code null} when the importer could not map it
 * @param errors   problems found before validation (rejects the record when not empty)
 */
public record ImportRow(SourceRow at, CustomerInput customer, List<FieldError> errors) {
    /** Makes the errors immutable. */
    public ImportRow {
        errors = List.copyOf(errors);
    }
}
