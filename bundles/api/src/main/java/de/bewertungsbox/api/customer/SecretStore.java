package de.bewertungsbox.api.customer;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-project secrets (Stripe keys, HubSpot tokens, SMTP passwords), encrypted at rest with AES-GCM.
 * Implementations never log values.
 */
@ProviderType
public interface SecretStore {

    /**
     * The name under which a project's own SMTP settings are kept (JSON). A project that has them sends mail through
     * its own server, and BCC import is off for it.
     */
    String PROJECT_SMTP = "settings.smtp";


    /**
     * Stores or replaces a secret.
     *
     * @param projectId the project
     * @param name      the secret's name, e.g. {@code stripe.api_key}
     * @param value     the plain value
     */
    void put(UUID projectId, String name, String value);

    /**
     * @param projectId the project
     * @param name      the secret's name
     * @return the decrypted value, if set
     */
    Optional<String> get(UUID projectId, String name);

    /**
     * @param projectId the project
     * @param name      the secret's name
     * @return {@code false} when it was not set
     */
    boolean delete(UUID projectId, String name);
}
