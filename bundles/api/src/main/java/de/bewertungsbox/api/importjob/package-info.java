/**
 * Persistence of import jobs, between the platform's import engine and its store. Importers do not use this
 * package; they see only {@code de.bewertungsbox.api.importer}.
 */
@Export
@Version("1.1.0")
package de.bewertungsbox.api.importjob;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
