package de.bewertungsbox.importcore.internal;

import java.util.Optional;
import java.util.UUID;

import de.bewertungsbox.api.customer.SecretStore;

/**
 * Per-project importer settings, kept encrypted in the secret store under {@code importer.<id>.settings}. They hold
 * credentials, so nothing here logs them.
 */
final class ImporterSettings {
    private final SecretStore secrets;

    ImporterSettings(SecretStore secrets) {
        this.secrets = secrets;
    }

    Optional<String> get(UUID projectId, String importerId) {
        return secrets.get(projectId, name(importerId));
    }

    void put(UUID projectId, String importerId, String settings) {
        secrets.put(projectId, name(importerId), settings);
    }

    static String name(String importerId) {
        return "importer." + importerId + ".settings";
    }
}
