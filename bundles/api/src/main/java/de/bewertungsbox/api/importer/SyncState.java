package de.bewertungsbox.api.importer;

import java.time.Instant;
import java.util.UUID;

/**
 * The schedule and the last sync of a pull importer in one project.
 *
 * @param projectId       the project
 * @param importerId      the importer
 * @param intervalMinutes minutes between scheduled syncs; 0 = only on demand
 * @param nextSyncAt      when the next scheduled sync is due, or {@code null} when none is
 * @param lastJobId       the job of the last sync, or {@code null}
 * @param cursorSavedAt   when the last completed sync saved its cursor, or {@code null} before the first
 */
public record SyncState(UUID projectId, String importerId, int intervalMinutes, Instant nextSyncAt, UUID lastJobId,
                        Instant cursorSavedAt) {
}
