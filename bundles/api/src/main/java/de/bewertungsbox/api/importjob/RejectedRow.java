package de.bewertungsbox.api.importjob;

import java.util.List;

import de.bewertungsbox.api.customer.FieldError;

/**
 * A record an import rejected, kept for the "rejected rows" download.
 *
 * @param row    spreadsheet row number
 * @param line   file line where it starts
 * @param values its values as read
 * @param errors why it was rejected
 */
public record RejectedRow(long row, long line, List<String> values, List<FieldError> errors) {
    /** Makes the lists immutable. */
    public RejectedRow {
        values = List.copyOf(values);
        errors = List.copyOf(errors);
    }
}
