/**
 * The customer domain: projects, locations, API keys, customers, charges, and the stores that keep them.
 */
@Export
@Version("1.0.0")
package de.bewertungsbox.api.customer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
