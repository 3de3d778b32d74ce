package de.bewertungsbox.api.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A business's project: the container every customer, location and key belongs to.
 *
 * @param id            the project's identifier
 * @param slug          unique, URL-safe short name
 * @param name          display name
 * @param bccToken      unguessable token forming the project's BCC import address
 * @param defaultRegion ISO 3166 region used to read phone numbers written without a country code
 * @param createdAt     creation time (UTC)
 */
public record Project(UUID id, String slug, String name, String bccToken, String defaultRegion, Instant createdAt) {
    /** Checks the mandatory components. */
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }
}
