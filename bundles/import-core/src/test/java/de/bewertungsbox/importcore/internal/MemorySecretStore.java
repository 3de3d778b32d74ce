package de.bewertungsbox.importcore.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.bewertungsbox.api.customer.SecretStore;

/** Secrets in a map, for the engine's unit tests (the real store encrypts; tested in customer-store). */
final class MemorySecretStore implements SecretStore {
    final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public void put(UUID projectId, String name, String value) {
        values.put(projectId + "/" + name, value);
    }

    @Override
    public Optional<String> get(UUID projectId, String name) {
        return Optional.ofNullable(values.get(projectId + "/" + name));
    }

    @Override
    public boolean delete(UUID projectId, String name) {
        return values.remove(projectId + "/" + name) != null;
    }
}
