package de.bewertungsbox.api.importer;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The importers installed right now. Importers come and go with their bundles; every call answers for that moment.
 */
@ProviderType
public interface ImporterRegistry {

    /** @return the installed importers, ordered by id */
    List<ImporterInfo> importers();

    /**
     * @param id an importer id
     * @return the importer, if installed
     */
    Optional<ImporterInfo> importer(String id);

    /**
     * @param id an importer id
     * @return the importer, if installed and connected to a remote account (settings, webhooks)
     */
    Optional<RemoteImporter> remote(String id);
}
