package de.bewertungsbox.api.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import de.bewertungsbox.api.customer.Page;

/**
 * Runs imports as jobs: queued, run on the platform's threads, followed through {@link #find}, cancelled through
 * {@link #cancel}. Every method is scoped to one project; another project's job behaves as if it did not exist.
 */
@ProviderType
public interface ImportService {

    /**
     * Accepts a job and queues it. Content (an uploaded file) is copied to the platform's own storage before this
     * returns, so the caller may close or delete its source right after.
     *
     * @param projectId  the project
     * @param importerId the importer to run
     * @param options    dry run and parameters
     * @param content    the uploaded content, or {@code null} for importers that fetch their own
     * @return the queued job
     * @throws de.bewertungsbox.api.customer.NotFoundException when the project or the importer does not exist
     * @throws IOException                                     when the content cannot be read or stored
     */
    ImportJob start(UUID projectId, String importerId, ImportOptions options, InputStream content)
            throws IOException;

    /**
     * @param projectId the project
     * @param jobId     the job
     * @return the job with its report (counts and the first 1,000 row errors)
     */
    Optional<ImportJob> find(UUID projectId, UUID jobId);

    /**
     * Lists jobs, newest first. Reports in a list carry counts only, no row errors.
     *
     * @param projectId the project
     * @param limit     1 to 1,000
     * @param after     cursor from a previous page, or {@code null}
     * @return the page
     */
    Page<ImportJob> list(UUID projectId, int limit, String after);

    /**
     * Cancels a queued or running job. A running job stops at its next record; what it committed stays.
     *
     * @param projectId the project
     * @param jobId     the job
     * @return the job as it is now, empty when it does not exist
     */
    Optional<ImportJob> cancel(UUID projectId, UUID jobId);

    /**
     * Writes the job's rejected rows as CSV: the source's header plus an {@code error} column, then each rejected
     * row as read plus its errors, in row order. Streams; holds no more than a page of rows in memory.
     *
     * @param projectId the project
     * @param jobId     the job
     * @param out       where to write (UTF-8); not closed
     * @return {@code false} when the job does not exist
     * @throws IOException when writing fails
     */
    boolean writeRejected(UUID projectId, UUID jobId, OutputStream out) throws IOException;

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @return the project's settings for the importer (a JSON object, secrets included), when configured
     */
    Optional<String> settings(UUID projectId, String importerId);

    /**
     * Stores a project's settings for an importer, encrypted, and (re)schedules its syncs.
     *
     * @param projectId           the project
     * @param importerId          the importer
     * @param settings            a JSON object
     * @param syncIntervalMinutes minutes between scheduled syncs, 0 for none; the first is due one interval from now
     */
    void saveSettings(UUID projectId, String importerId, String settings, int syncIntervalMinutes);

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @return its schedule and last sync, when it was ever configured or synced in the project
     */
    Optional<SyncState> syncState(UUID projectId, String importerId);

    /**
     * Records the events of a webhook delivery as received.
     *
     * @param projectId  the project
     * @param importerId the importer
     * @param eventIds   the delivery's event ids
     * @return {@code true} when at least one of them is new (the delivery should be imported)
     */
    boolean firstDelivery(UUID projectId, String importerId, List<String> eventIds);
}
