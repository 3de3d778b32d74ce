package de.bewertungsbox.api.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A project API key as stored: only its public prefix is known after creation, never the secret.
 *
 * @param id        key identifier (used to revoke it)
 * @param projectId the project the key acts on
 * @param prefix    the public, non-secret start of the key, for recognising it in lists
 * @param label     free text describing who uses the key
 * @param createdAt creation time
 * @param revokedAt revocation time, {@code null} while the key is valid
 */
public record ApiKey(UUID id, UUID projectId, String prefix, String label, Instant createdAt, Instant revokedAt) {
}
