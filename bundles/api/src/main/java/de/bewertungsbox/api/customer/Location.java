package de.bewertungsbox.api.customer;

import java.util.UUID;

/**
 * A place of business within a project; customers may belong to one, and its review URL wins over the project's.
 *
 * @param id        the location's UUID
 * @param projectId owning project
 * @param slug      short name, unique within the project
 * @param name      display name
 * @param reviewUrl where review requests for this location point to, may be {@code null}
 */
public record Location(UUID id, UUID projectId, String slug, String name, String reviewUrl) {
}
