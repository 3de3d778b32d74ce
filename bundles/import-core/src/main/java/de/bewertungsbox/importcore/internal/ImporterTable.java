package de.bewertungsbox.importcore.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterKind;

/**
 * Importers by id, as bound by a MULTIPLE/DYNAMIC reference. The first importer with an id wins; a second one with
 * the same id is logged and ignored until the first leaves. Thread-safe.
 */
final class ImporterTable {
    private static final Logger LOG = LoggerFactory.getLogger(ImporterTable.class);

    /** A bound importer and what it says about itself. */
    record Entry(Importer importer, ImporterInfo info) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final boolean announce;

    /** @param announce whether arrivals and departures are logged at INFO (by the one table the registry owns) */
    ImporterTable(boolean announce) {
        this.announce = announce;
    }

    /**
     * @param importer the service
     * @param ref      its reference, for the service properties and the providing bundle
     * @return the entry, or {@code null} when the importer has no usable id or its id is taken
     */
    Entry bind(Importer importer, ServiceReference<?> ref) {
        Object id = ref.getProperty("importer.id");
        if (!(id instanceof String s) || !s.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            if (!announce) {
                return null;
            }
            LOG.warn("Ignoring importer {} from bundle {}: property importer.id ({}) must be lower case letters, "
                    + "digits and dashes", importer.getClass().getName(), bundleName(ref), id);
            return null;
        }
        Entry entry = new Entry(importer, info(s, ref));
        Entry existing = byId.putIfAbsent(s, entry);
        if (existing != null) {
            if (!announce) {
                return null;
            }
            LOG.warn("Ignoring importer '{}' from bundle {}: bundle {} already provides that id", s, bundleName(ref),
                    existing.info().bundle());
            return null;
        }
        if (announce) {
            LOG.info("Importer '{}' ({}) available, from bundle {} {}", s, entry.info().label(),
                    entry.info().bundle(), entry.info().version());
        }
        return entry;
    }

    /**
     * @param importer the service leaving
     * @param ref      its reference
     * @return the entry removed, or {@code null} when that importer was not the one bound under its id
     */
    Entry unbind(Importer importer, ServiceReference<?> ref) {
        Object id = ref.getProperty("importer.id");
        if (!(id instanceof String s)) {
            return null;
        }
        Entry current = byId.get(s);
        if (current != null && current.importer() == importer && byId.remove(s, current)) {
            if (announce) {
                LOG.info("Importer '{}' removed", s);
            }
            return current;
        }
        return null;
    }

    Optional<Entry> get(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    List<ImporterInfo> infos() {
        return byId.values().stream().map(Entry::info).sorted(Comparator.comparing(ImporterInfo::id)).toList();
    }

    private static ImporterInfo info(String id, ServiceReference<?> ref) {
        Object label = ref.getProperty("importer.label");
        Object kind = ref.getProperty("importer.kind");
        ImporterKind k = ImporterKind.PUSH;
        if (kind != null) {
            try {
                k = ImporterKind.valueOf(kind.toString().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                LOG.warn("Importer '{}' has an unknown importer.kind '{}'; treating it as push", id, kind);
            }
        }
        Bundle b = ref.getBundle();
        return new ImporterInfo(id, label == null ? id : label.toString(), k,
                b == null ? "" : b.getVersion().toString(), bundleName(ref));
    }

    private static String bundleName(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "?" : b.getSymbolicName();
    }
}
