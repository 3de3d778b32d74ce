package de.bewertungsbox.api.importer;

import java.util.Map;

/**
 * How to run one import.
 *
 * @param dryRun     validate and report only, store nothing
 * @param parameters importer parameters (CSV: {@code delimiter}, {@code charset}, {@code date_format})
 */
public record ImportOptions(boolean dryRun, Map<String, String> parameters) {
    /** Makes the parameters immutable. */
    public ImportOptions {
        parameters = Map.copyOf(parameters);
    }

    /** @return a real (not dry) run without parameters */
    public static ImportOptions defaults() {
        return new ImportOptions(false, Map.of());
    }
}
