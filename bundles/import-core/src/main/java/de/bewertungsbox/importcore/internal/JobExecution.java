package de.bewertungsbox.importcore.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.importer.ImportCancelledException;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importjob.ImportJobStore;

/**
 * Runs one job on a job thread: marks it running, calls its importer with a {@link JobSink}, and ends it completed,
 * failed (with a message for the user; details only in the log) or cancelled. The importer is looked up once and
 * held in a local variable, so an importer leaving mid-run cancels the job instead of breaking it. Whatever
 * happens, the job ends, its content file is deleted and it leaves the running set.
 */
final class JobExecution {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final ImportJobStore store;
    private final ImporterTable importers;
    private final Map<UUID, RunningJob> running;
    private final int batchSize;
    private final int writers;
    private final Executor writer;
    private final ImporterSettings settings;

    JobExecution(ImportJobStore store, ImporterTable importers, Map<UUID, RunningJob> running, int batchSize,
                 int writers, Executor writer, ImporterSettings settings) {
        this.settings = settings;
        this.store = store;
        this.importers = importers;
        this.running = running;
        this.batchSize = batchSize;
        this.writers = writers;
        this.writer = writer;
    }

    void run(RunningJob job) {
        try {
            if (job.cancelled()) {
                store.finish(job.id(), ImportStatus.CANCELLED, job.cancelReason() + " before the job started");
            } else if (store.markRunning(job.id())) {
                execute(job);
            }
        } catch (RuntimeException e) {
            LOG.error("Import job {} could not be ended properly", job.id(), e);
        } finally {
            running.remove(job.id());
            job.ended();
            try {
                if (job.content != null) {
                    Files.deleteIfExists(job.content);
                }
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", job.content, e.getMessage());
            }
        }
    }

    private void execute(RunningJob job) {
        String importerId = job.job.importerId();
        Optional<ImporterTable.Entry> entry = importers.get(importerId);
        if (entry.isEmpty()) {
            store.finish(job.id(), ImportStatus.CANCELLED, "the importer '" + importerId + "' was removed before "
                    + "the job started");
            return;
        }
        Importer importer = entry.get().importer();
        job.runningWith(importer);
        JobSink sink = new JobSink(store, job, batchSize, writers > 0 ? writers : store.suggestedWriters(), writer);
        UUID project = job.job.projectId();
        JobContext context = new JobContext(project, job.id(), job.job.dryRun(), job.options.parameters(),
                job.content, job::cancelled, () -> settings.get(project, importerId),
                () -> store.cursor(project, importerId));
        long started = System.nanoTime();
        LOG.info("Import job {} started (importer '{}')", job.id(), importerId);
        try {
            importer.run(context, sink);
            job.checkCancelled();
            sink.finish();
            if (!job.job.dryRun()) {
                context.nextCursor().ifPresent(c -> store.saveCursor(project, importerId, c, job.id()));
            }
            store.finish(job.id(), ImportStatus.COMPLETED, null);
            LOG.info("Import job {} completed in {} ms", job.id(), (System.nanoTime() - started) / 1_000_000);
        } catch (ImportCancelledException e) {
            sink.abandon();
            store.finish(job.id(), ImportStatus.CANCELLED, e.getMessage());
            LOG.info("Import job {} cancelled: {}", job.id(), e.getMessage());
        } catch (ImportException e) {
            keepWhatWasRead(job, sink);
            store.finish(job.id(), ImportStatus.FAILED, e.getMessage());
            LOG.info("Import job {} failed: {}", job.id(), e.getMessage());
        } catch (StoreUnavailableException e) {
            sink.abandon();
            LOG.error("Import job {} failed: the database is unavailable", job.id(), e);
            finishQuietly(job, "the database became unavailable; what was stored before is kept. Import again.");
        } catch (RuntimeException | LinkageError e) {
            keepWhatWasRead(job, sink);
            LOG.error("Import job {}: importer '{}' failed", job.id(), importerId, e);
            finishQuietly(job, "the importer '" + importerId + "' failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); what was read before is stored. The server log has the details.");
        }
    }

    /** After a failure of the input as a whole, the valid records read before it are still stored. */
    private void keepWhatWasRead(RunningJob job, JobSink sink) {
        try {
            sink.finish();
        } catch (ImportCancelledException e) {
            sink.abandon();
        } catch (RuntimeException e) {
            LOG.warn("Import job {}: could not store the records read before the failure: {}", job.id(),
                    e.getMessage());
            sink.abandon();
        }
    }

    private void finishQuietly(RunningJob job, String error) {
        try {
            store.finish(job.id(), ImportStatus.FAILED, error);
        } catch (RuntimeException e) {
            LOG.warn("Import job {} could not be marked failed: {}", job.id(), e.getMessage());
        }
    }
}
