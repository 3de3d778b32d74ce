/**
 * Review requests as they pass through the outbox.
 */
@Export
@Version("1.1.0")
package de.bewertungsbox.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
