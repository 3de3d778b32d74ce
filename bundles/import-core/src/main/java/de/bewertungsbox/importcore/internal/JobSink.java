package de.bewertungsbox.importcore.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.SourceRow;
import de.bewertungsbox.api.importjob.ImportJobStore;
import de.bewertungsbox.api.importjob.ImportRow;

/**
 * The sink of one job. Buffers records into batches and hands each full batch to a writer thread, so the importer
 * keeps reading while the previous batch is validated and stored; at most one batch is in flight, so batches are
 * stored in order and records of one identity merge across batches. Each batch's customers, rejections and counts
 * are committed together ({@link ImportJobStore#commit}). Used by the job's own thread only.
 */
final class JobSink implements ImportSink {
    private static final long HEARTBEAT_NANOS = 5_000_000_000L;
    private static final String CANCELLED_BY_USER = "cancelled by a user";

    private final ImportJobStore store;
    private final RunningJob job;
    private final String source;
    private final int batchSize;
    private final Executor writer;
    private List<ImportRow> buffer;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private int percent = -1;
    private long lastSignOfLife = System.nanoTime();

    JobSink(ImportJobStore store, RunningJob job, int batchSize, Executor writer) {
        this.store = store;
        this.job = job;
        this.source = job.job.importerId();
        this.batchSize = batchSize;
        this.writer = writer;
        this.buffer = new ArrayList<>(batchSize);
    }

    @Override
    public void columns(List<String> header, List<String> ignored) {
        job.checkCancelled();
        store.columns(job.id(), header, ignored);
    }

    @Override
    public void accept(SourceRow at, CustomerInput customer, List<FieldError> parseErrors) {
        job.checkCancelled();
        add(new ImportRow(at, withSource(customer), parseErrors == null ? List.of() : parseErrors));
    }

    @Override
    public void reject(SourceRow at, List<FieldError> errors) {
        job.checkCancelled();
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
        add(new ImportRow(at, null, errors));
    }

    @Override
    public void progress(long done, long total) {
        job.checkCancelled();
        percent = total > 0 ? (int) Math.min(99, Math.max(0, done * 100 / total)) : -1;
        if (System.nanoTime() - lastSignOfLife > HEARTBEAT_NANOS && inFlight.isDone()) {
            store.progress(job.id(), percent);
            lastSignOfLife = System.nanoTime();
        }
    }

    private void add(ImportRow row) {
        buffer.add(row);
        if (buffer.size() >= batchSize) {
            flush();
        }
    }

    private CustomerInput withSource(CustomerInput c) {
        if (c == null || (c.source() != null && !c.source().isBlank())) {
            return c;
        }
        return new CustomerInput(c.firstName(), c.lastName(), c.email(), c.phone(), c.company(), c.location(),
                c.signedUpAt(), c.hasSubscription(), c.unsubscribedAt(), source, c.externalId());
    }

    /** Waits for the batch in flight, then sends the buffer on its way. */
    private void flush() {
        awaitInFlight();
        if (store.cancelRequested(job.id())) {
            job.cancel(CANCELLED_BY_USER);
        }
        job.checkCancelled();
        if (buffer.isEmpty()) {
            return;
        }
        List<ImportRow> rows = buffer;
        buffer = new ArrayList<>(batchSize);
        int p = percent;
        boolean dryRun = job.job.dryRun();
        inFlight = CompletableFuture.runAsync(() -> store.commit(job.id(), job.job.projectId(), rows, dryRun, p),
                writer);
        lastSignOfLife = System.nanoTime();
    }

    /** Stores what is buffered and waits until every batch is committed. */
    void finish() {
        flush();
        awaitInFlight();
    }

    /** Drops what is buffered; waits for the batch in flight, whose outcome is recorded either way. */
    void abandon() {
        buffer = new ArrayList<>();
        try {
            inFlight.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // the job ends anyway; its failure is reported by whoever called abandon
        }
    }

    private void awaitInFlight() {
        try {
            inFlight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
