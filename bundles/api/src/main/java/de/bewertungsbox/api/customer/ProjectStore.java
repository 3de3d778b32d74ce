package de.bewertungsbox.api.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Projects, their locations and their API keys. Keys are stored as hashes; the secret is returned once.
 */
@ProviderType
public interface ProjectStore {

    /**
     * Creates a project with a unique slug derived from its name and a fresh BCC token.
     *
     * @param name display name, 1 to 200 characters
     * @return the project
     * @throws ValidationException when the name is blank or too long
     */
    Project create(String name);

    /** @return every project, oldest first */
    List<Project> list();

    /**
     * @param idOrSlug a project UUID or slug
     * @return the project, if any
     */
    Optional<Project> find(String idOrSlug);

    /**
     * @param bccToken a BCC token
     * @return the project it belongs to, if any
     */
    Optional<Project> findByBccToken(String bccToken);

    /**
     * Creates an API key for a project.
     *
     * @param projectId the project
     * @param label     free text, may be {@code null}
     * @return the key and its secret, shown once
     * @throws NotFoundException when the project does not exist
     */
    CreatedApiKey createApiKey(UUID projectId, String label);

    /**
     * @param projectId the project
     * @return its keys (without secrets), newest first
     */
    List<ApiKey> apiKeys(UUID projectId);

    /**
     * Revokes a key; it stops working at once.
     *
     * @param projectId the project
     * @param keyId     the key
     * @return {@code false} when the project has no such key
     */
    boolean revokeApiKey(UUID projectId, UUID keyId);

    /**
     * Checks a presented API key in constant time with respect to its secret part.
     *
     * @param secret the key as the client sent it
     * @return the project the key acts on, when the key exists and is not revoked
     */
    Optional<Project> authenticate(String secret);

    /**
     * Adds a location to a project.
     *
     * @param projectId the project
     * @param input     slug, name and review URL
     * @return the location
     * @throws ValidationException when a field is invalid or the slug is taken
     */
    Location addLocation(UUID projectId, LocationInput input);

    /**
     * @param projectId the project
     * @return its locations ordered by slug
     */
    List<Location> locations(UUID projectId);
}
