package de.bewertungsbox.api.importer;

/**
 * Why one record of an import was rejected.
 *
 * @param row     record number as a spreadsheet shows it (header = row 1), or the record's position for non-file
 *                sources
 * @param line    file line where the record starts, or 0 when not a file
 * @param field   the offending field
 * @param message the reason
 */
public record RowError(long row, long line, String field, String message) {
}
