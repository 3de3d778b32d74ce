package de.bewertungsbox.api.importer;

import java.util.List;

/**
 * Where a record sits in its source, and its raw values for the "rejected rows" download.
 *
 * @param row    record number as a spreadsheet shows it (header = row 1), or the record's 1-based position in a
 *               source without a header
 * @param line   file line where the record starts, or 0 when the source is not a file
 * @param values the record's values as read, in the order of the declared columns; may be empty
 */
public record SourceRow(long row, long line, List<String> values) {
    /** Makes the values immutable ({@code null} values become empty strings). */
    public SourceRow {
        values = values.stream().map(v -> v == null ? "" : v).toList();
    }
}
