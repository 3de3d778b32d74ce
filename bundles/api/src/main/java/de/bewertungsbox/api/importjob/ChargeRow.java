package de.bewertungsbox.api.importjob;

import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * One payment of an import batch.
 *
 * @param at     where it is in the source, with its raw values
 * @param charge the payment
 */
public record ChargeRow(SourceRow at, ImportCharge charge) {
}
