package de.bewertungsbox.customerstore.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.customerstore.internal.jpa.SecretEntity;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/** Secrets encrypted with {@link SecretCipher} before they reach JPA; never logged. Thread-safe. */
public final class JpaSecretStore implements SecretStore {
    private final Jpa jpa;
    private final SecretCipher cipher;
    private final Clock clock;

    JpaSecretStore(Jpa jpa, SecretCipher cipher, Clock clock) {
        this.jpa = jpa;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void put(UUID projectId, String name, String value) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a secret name is 1 to 100 characters");
        }
        if (value == null) {
            throw new IllegalArgumentException("secret '" + name + "' has no value; delete it instead");
        }
        String ct = cipher.encrypt(value, projectId + "/" + name);
        jpa.tx(em -> {
            SecretEntity s = em.find(SecretEntity.class, new SecretEntity.Key(projectId, name));
            if (s == null) {
                s = new SecretEntity();
                s.projectId = projectId;
                s.name = name;
                em.persist(s);
            }
            s.ciphertext = ct;
            s.updatedAt = Times.toUtc(clock.instant());
            return null;
        });
    }

    @Override
    public Optional<String> get(UUID projectId, String name) {
        return jpa.tx(em -> Optional.ofNullable(em.find(SecretEntity.class, new SecretEntity.Key(projectId, name))))
                .map(s -> cipher.decrypt(s.ciphertext, projectId + "/" + name));
    }

    @Override
    public boolean delete(UUID projectId, String name) {
        return jpa.tx(em -> {
            SecretEntity s = em.find(SecretEntity.class, new SecretEntity.Key(projectId, name));
            if (s == null) {
                return false;
            }
            em.remove(s);
            return true;
        });
    }
}
