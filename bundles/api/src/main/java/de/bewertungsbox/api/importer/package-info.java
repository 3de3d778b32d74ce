/**
 * Import jobs and their reports; the importer plug-in contract grows here.
 */
@Export
@Version("1.1.0")
package de.bewertungsbox.api.importer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
