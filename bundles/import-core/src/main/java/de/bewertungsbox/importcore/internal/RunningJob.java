package de.bewertungsbox.importcore.internal;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.bewertungsbox.api.importer.ImportCancelledException;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.Importer;

/** A job accepted on this node: its options, its content file, and who may cancel it. Thread-safe. */
final class RunningJob {
    final ImportJob job;
    final ImportOptions options;
    final Path content;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Importer importer;
    private volatile String cancelReason;

    RunningJob(ImportJob job, ImportOptions options, Path content) {
        this.job = job;
        this.options = options;
        this.content = content;
    }

    UUID id() {
        return job.id();
    }

    void runningWith(Importer i) {
        importer = i;
    }

    boolean runs(Importer i) {
        return importer == i;
    }

    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
    }

    boolean cancelled() {
        return cancelReason != null;
    }

    String cancelReason() {
        return cancelReason;
    }

    /** @throws ImportCancelledException once cancelled */
    void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) {
            throw new ImportCancelledException(reason);
        }
    }

    void ended() {
        done.countDown();
    }

    boolean awaitEnd(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }
}
