/**
 * Request strategies: when, how and to whom a project's review requests go. The store keeps one strategy per
 * project and checks it before saving.
 */
@Export
@Version("1.1.0")
package de.bewertungsbox.api.strategy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
