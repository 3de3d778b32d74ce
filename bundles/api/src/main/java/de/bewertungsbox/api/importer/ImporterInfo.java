package de.bewertungsbox.api.importer;

/**
 * An importer installed right now.
 *
 * @param id      its id ({@code csv}, {@code stripe}, ...)
 * @param label   its human-readable name
 * @param kind    push or pull
 * @param version the version of the bundle that provides it
 * @param bundle  the symbolic name of that bundle
 */
public record ImporterInfo(String id, String label, ImporterKind kind, String version, String bundle) {
}
