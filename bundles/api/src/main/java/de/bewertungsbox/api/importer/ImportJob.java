package de.bewertungsbox.api.importer;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of an importer for one project.
 *
 * @param id         job id
 * @param projectId  the project imported into
 * @param importerId the importer's id ({@code csv}, {@code stripe}, ...)
 * @param status     where the job is in its life cycle
 * @param report     counts and row errors so far
 * @param error      why the job failed or was cancelled as a whole, or {@code null}
 * @param dryRun     whether the job validates only and stores nothing
 * @param percent    how far a running job is (0-100), or -1 when unknown
 * @param createdAt  when it was accepted
 * @param startedAt  when it started running, or {@code null}
 * @param finishedAt when it ended, or {@code null}
 */
public record ImportJob(UUID id, UUID projectId, String importerId, ImportStatus status, ImportReport report,
                        String error, boolean dryRun, int percent, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
