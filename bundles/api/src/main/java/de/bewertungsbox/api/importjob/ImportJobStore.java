package de.bewertungsbox.api.importjob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.SyncState;

/**
 * Import jobs in the database. Each batch of records is stored together with the job's counts and rejected rows in
 * one transaction, so a job's counts always describe what was committed, even after a crash. Registered only while
 * the database is reachable.
 */
@ProviderType
public interface ImportJobStore {

    /** Most row errors a job report carries; the full count is in {@code rejected}. */
    int MAX_REPORTED_ERRORS = 1_000;

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @param dryRun     validate only
     * @param node       the node that will run it (see {@link #interrupt})
     * @return the new job, {@link ImportStatus#QUEUED}
     * @throws de.bewertungsbox.api.customer.NotFoundException when the project does not exist
     */
    ImportJob create(UUID projectId, String importerId, boolean dryRun, String node);

    /**
     * @param jobId a queued job
     * @return {@code false} when the job is no longer queued (cancelled meanwhile)
     */
    boolean markRunning(UUID jobId);

    /**
     * @param jobId   the job
     * @param header  the source's columns (header of the rejected-rows download)
     * @param ignored columns the importer did not understand
     */
    void columns(UUID jobId, List<String> header, List<String> ignored);

    /**
     * Validates the batch through the customer store's one validation path and, unless {@code dryRun}, stores
     * its valid records; records its rejections and adds its counts to the job, all in one transaction.
     *
     * @param jobId     the job
     * @param projectId the job's project
     * @param rows      up to {@link de.bewertungsbox.api.customer.CustomerStore#MAX_BATCH} records
     * @param dryRun    validate and count, store no customer
     * @param percent   the job's progress after this batch, or -1
     * @return one result per row
     */
    BatchResult commit(UUID jobId, UUID projectId, List<ImportRow> rows, boolean dryRun, int percent);

    /**
     * How many batches of one job this store writes best at once: 1 where the database serialises writers anyway
     * (embedded H2), more where concurrent transactions overlap (PostgreSQL).
     *
     * @return at least 1
     */
    int suggestedWriters();

    /**
     * Records progress and that the job is alive.
     *
     * @param jobId   the job
     * @param percent 0-100, or -1
     */
    void progress(UUID jobId, int percent);

    /**
     * @param jobId the job
     * @return whether someone asked to cancel it (on any node)
     */
    boolean cancelRequested(UUID jobId);

    /**
     * Cancels a queued job at once, or flags a running one for its runner.
     *
     * @param projectId the project
     * @param jobId     the job
     * @return the job as it is now
     */
    Optional<ImportJob> requestCancel(UUID projectId, UUID jobId);

    /**
     * Ends a job.
     *
     * @param jobId  the job
     * @param status {@link ImportStatus#COMPLETED}, {@link ImportStatus#FAILED} or {@link ImportStatus#CANCELLED}
     * @param error  why it failed or was cancelled, or {@code null}
     */
    void finish(UUID jobId, ImportStatus status, String error);

    /**
     * @param projectId the project
     * @param jobId     the job
     * @return the job, with the first {@link #MAX_REPORTED_ERRORS} row errors
     */
    Optional<ImportJob> find(UUID projectId, UUID jobId);

    /**
     * @param projectId the project
     * @param limit     1 to 1,000
     * @param after     cursor, or {@code null}
     * @return jobs newest first, reports without row errors
     */
    Page<ImportJob> list(UUID projectId, int limit, String after);

    /**
     * @param projectId the project
     * @param jobId     the job
     * @return the source's columns, empty when the job does not exist or declared none
     */
    Optional<List<String>> header(UUID projectId, UUID jobId);

    /**
     * Streams the job's rejected rows in row order, a page at a time.
     *
     * @param projectId the project
     * @param jobId     the job
     * @param sink      receives each row
     */
    void rejected(UUID projectId, UUID jobId, Consumer<RejectedRow> sink);

    /**
     * Ends every queued or running job of a node as failed, because that node restarted.
     *
     * @param node   the node
     * @param reason the error to record
     * @return how many jobs were ended
     */
    int interrupt(String node, String reason);

    /**
     * Ends running jobs of any node that have shown no sign of life for {@code silence}, as failed.
     *
     * @param silence how long without progress counts as dead
     * @param reason  the error to record
     * @return how many jobs were ended
     */
    int interruptSilent(Duration silence, String reason);

    /**
     * Stores a batch of payments: each is matched to its customer by (source, customer external id); a known payment
     * id updates the stored amount. Each customer's figures (charge count, last charge, net total per currency) change
     * in the same transaction, together with the rejections and the job's counts.
     *
     * @param jobId     the job
     * @param projectId the project
     * @param source    the source the customers were imported from
     * @param rows      the payments
     * @param dryRun    validate and count only
     * @param percent   progress to record
     * @return one result per row (created, updated, unchanged or rejected)
     */
    BatchResult commitCharges(UUID jobId, UUID projectId, String source, List<ChargeRow> rows, boolean dryRun,
                              int percent);

    /**
     * Removes a source's link to a customer; erases the customer when no other source knows it. Counted as updated.
     *
     * @param jobId      the job
     * @param projectId  the project
     * @param source     the source
     * @param externalId the source's id of the customer
     * @param dryRun     count only
     * @return whether the source knew such a customer
     */
    boolean forget(UUID jobId, UUID projectId, String source, String externalId, boolean dryRun);

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @return the cursor its last completed sync saved
     */
    Optional<String> cursor(UUID projectId, String importerId);

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @param cursor     where the next sync starts
     * @param jobId      the job that got there
     */
    void saveCursor(UUID projectId, String importerId, String cursor, UUID jobId);

    /**
     * Sets how often an importer syncs in a project; the next sync is due one interval from now.
     *
     * @param projectId       the project
     * @param importerId      the importer
     * @param intervalMinutes minutes, 0 for no scheduled syncs
     */
    void schedule(UUID projectId, String importerId, int intervalMinutes);

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @return its schedule and last sync
     */
    Optional<SyncState> syncState(UUID projectId, String importerId);

    /**
     * Claims the syncs that are due: each is moved one interval ahead in the same statement, so of several nodes only
     * one gets it.
     *
     * @param now   the time
     * @param limit at most this many
     * @return the claimed syncs
     */
    List<SyncState> claimDueSyncs(Instant now, int limit);

    /**
     * @param projectId  the project
     * @param importerId the importer
     * @param jobId      the sync job just started
     */
    void syncStarted(UUID projectId, String importerId, UUID jobId);

    /**
     * Records webhook event ids.
     *
     * @param projectId  the project
     * @param importerId the importer
     * @param eventIds   the ids
     * @return whether any of them was new
     */
    boolean firstDelivery(UUID projectId, String importerId, List<String> eventIds);

    /**
     * Forgets webhook event ids received longer ago than sources retry deliveries.
     *
     * @param olderThan the age beyond which ids are dropped
     * @return how many were dropped
     */
    int forgetDeliveries(Duration olderThan);
}
