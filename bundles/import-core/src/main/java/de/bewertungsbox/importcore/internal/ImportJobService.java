package de.bewertungsbox.importcore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.RemoteImporter;
import de.bewertungsbox.api.importer.SyncState;
import de.bewertungsbox.api.importjob.ImportJobStore;

/**
 * Accepts import jobs, keeps their uploaded content in the work directory, and runs them on a fixed pool of job
 * threads ({@link JobExecution}). Tracks importers with a dynamic reference: when one leaves, its running jobs are
 * cancelled and unbinding waits (briefly) until they have stopped. At start it ends, as failed, the jobs this node
 * was running when it last went down, and it periodically fails jobs of any node that stopped reporting.
 */
@Component(service = ImportService.class, configurationPid = "de.bewertungsbox.importcore")
@Designate(ocd = ImportCoreConfig.class)
public class ImportJobService implements ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobService.class);
    static final String INTERRUPTED = "interrupted: the server stopped while this job was running. What it stored "
            + "is kept and counted; import the same file again to finish (rows already stored are updated, not "
            + "duplicated).";

    private final ImportJobStore store;
    private final ImporterTable importers = new ImporterTable(false);
    private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
    private final Path workDir;
    private final String node;
    private final ExecutorService jobThreads;
    private final ExecutorService writerThreads;
    private final ScheduledExecutorService sweeper;
    private final JobExecution execution;
    private final ImporterSettings settings;

    /**
     * @param config configuration
     * @param store  where jobs are kept
     * @throws IOException when the work directory cannot be created
     */
    @Activate
    public ImportJobService(ImportCoreConfig config, @Reference(name = "store") ImportJobStore store,
                            @Reference(name = "secrets") SecretStore secrets) throws IOException {
        this.store = store;
        this.settings = new ImporterSettings(secrets);
        this.workDir = config.work__dir().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "bewertungsbox", "imports")
                : Path.of(config.work__dir());
        Files.createDirectories(workDir);
        this.node = NodeId.load(workDir.resolve("node-id"));
        int interrupted = store.interrupt(node, INTERRUPTED);
        if (interrupted > 0) {
            LOG.warn("{} import job(s) were running when this node last stopped; marked failed", interrupted);
        }
        deleteLeftovers();
        this.jobThreads = Executors.newFixedThreadPool(Math.max(1, config.max__concurrent__jobs()),
                Threads.named("bewertungsbox-import-job"));
        this.writerThreads = Executors.newCachedThreadPool(Threads.named("bewertungsbox-import-writer"));
        this.execution = new JobExecution(store, importers, running,
                Math.max(1, Math.min(10_000, config.batch__size())), Math.max(0, Math.min(8, config.writers__per__job())),
                writerThreads, settings);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Threads.named("bewertungsbox-import-sweeper"));
        Duration silence = Duration.ofMinutes(Math.max(1, config.silent__job__minutes()));
        sweeper.scheduleWithFixedDelay(() -> sweep(silence), 1, 1, TimeUnit.MINUTES);
        int every = Math.max(5, config.sync__check__seconds());
        sweeper.scheduleWithFixedDelay(this::startDueSyncs, every, every, TimeUnit.SECONDS);
    }

    @Reference(name = "importers", service = Importer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeImporter")
    void addImporter(Importer importer, ServiceReference<Importer> ref) {
        importers.bind(importer, ref);
    }

    void removeImporter(Importer importer, ServiceReference<Importer> ref) {
        ImporterTable.Entry gone = importers.unbind(importer, ref);
        if (gone == null) {
            return;
        }
        List<RunningJob> affected = running.values().stream().filter(j -> j.runs(importer)).toList();
        for (RunningJob j : affected) {
            j.cancel("the importer '" + gone.info().id() + "' was removed while the job ran");
        }
        for (RunningJob j : affected) {
            try {
                if (!j.awaitEnd(10)) {
                    LOG.warn("Import job {} did not stop within 10 s after its importer left", j.id());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public ImportJob start(UUID projectId, String importerId, ImportOptions options, InputStream content)
            throws IOException {
        ImporterTable.Entry importer = importers.get(importerId).orElseThrow(() -> new NotFoundException(
                "no importer '" + importerId + "' is installed"));
        Path part = null;
        if (content != null) {
            part = Files.createTempFile(workDir, "upload-", ".part");
            try {
                Files.copy(content, part, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
        }
        ImportJob job;
        try {
            job = store.create(projectId, importerId, options.dryRun(), node);
        } catch (RuntimeException e) {
            if (part != null) {
                Files.deleteIfExists(part);
            }
            throw e;
        }
        Path file = part == null ? null
                : Files.move(part, workDir.resolve(job.id() + ".upload"), StandardCopyOption.ATOMIC_MOVE);
        if (importer.importer() instanceof RemoteImporter
                && !options.parameters().containsKey(RemoteImporter.WEBHOOK_PARAMETER) && !options.dryRun()) {
            store.syncStarted(projectId, importerId, job.id());
        }
        RunningJob rj = new RunningJob(job, options, file);
        running.put(job.id(), rj);
        LOG.info("Import job {} queued: importer '{}', project {}{}", job.id(), importerId, projectId,
                options.dryRun() ? ", dry run" : "");
        jobThreads.execute(() -> execution.run(rj));
        return job;
    }

    @Override
    public Optional<ImportJob> find(UUID projectId, UUID jobId) {
        return store.find(projectId, jobId);
    }

    @Override
    public Page<ImportJob> list(UUID projectId, int limit, String after) {
        return store.list(projectId, limit, after);
    }

    @Override
    public Optional<ImportJob> cancel(UUID projectId, UUID jobId) {
        Optional<ImportJob> job = store.requestCancel(projectId, jobId);
        RunningJob local = running.get(jobId);
        if (job.isPresent() && local != null) {
            local.cancel("cancelled by a user");
        }
        return job;
    }

    @Override
    public boolean writeRejected(UUID projectId, UUID jobId, OutputStream out) throws IOException {
        Optional<List<String>> header = store.header(projectId, jobId);
        if (header.isEmpty()) {
            return false;
        }
        try (RejectedCsv csv = new RejectedCsv(out, header.get())) {
            store.rejected(projectId, jobId, csv::write);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return true;
    }

    @Override
    public Optional<String> settings(UUID projectId, String importerId) {
        return settings.get(projectId, importerId);
    }

    @Override
    public void saveSettings(UUID projectId, String importerId, String json, int syncIntervalMinutes) {
        settings.put(projectId, importerId, json);
        store.schedule(projectId, importerId, syncIntervalMinutes);
    }

    @Override
    public Optional<SyncState> syncState(UUID projectId, String importerId) {
        return store.syncState(projectId, importerId);
    }

    @Override
    public boolean firstDelivery(UUID projectId, String importerId, List<String> eventIds) {
        return store.firstDelivery(projectId, importerId, eventIds);
    }

    /**
     * Starts the scheduled syncs that are due. Claiming moves each one interval ahead in the database, so with
     * several nodes each sync starts once; one whose last job is still queued or running is skipped this time.
     */
    void startDueSyncs() {
        try {
            for (SyncState due : store.claimDueSyncs(java.time.Instant.now(), 50)) {
                Optional<ImporterTable.Entry> importer = importers.get(due.importerId());
                if (importer.isEmpty() || !(importer.get().importer() instanceof RemoteImporter)
                        || settings.get(due.projectId(), due.importerId()).isEmpty()) {
                    continue;
                }
                if (due.lastJobId() != null && store.find(due.projectId(), due.lastJobId())
                        .map(j -> j.status() == ImportStatus.QUEUED || j.status() == ImportStatus.RUNNING)
                        .orElse(false)) {
                    LOG.info("Scheduled sync of '{}' in project {} skipped: the last one is still running",
                            due.importerId(), due.projectId());
                    continue;
                }
                ImportJob job = start(due.projectId(), due.importerId(), ImportOptions.defaults(), null);
                LOG.info("Scheduled sync of '{}' in project {} started: job {}", due.importerId(), due.projectId(),
                        job.id());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not start scheduled syncs: {}", e.getMessage());
        }
    }

    private void sweep(Duration silence) {
        try {
            int n = store.interruptSilent(silence, "failed: the node running this job stopped reporting for "
                    + silence.toMinutes() + " minutes. What it stored is kept; import again to finish.");
            if (n > 0) {
                LOG.warn("{} import job(s) of other nodes stopped reporting; marked failed", n);
            }
            // Webhook event ids are kept 30 days: sources stop retrying deliveries long before.
            store.forgetDeliveries(Duration.ofDays(30));
        } catch (RuntimeException e) {
            LOG.debug("Could not sweep silent import jobs: {}", e.getMessage());
        }
    }

    private void deleteLeftovers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workDir, "*.{upload,part}")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Cancels running jobs, waits briefly for them, and ends what is still queued. */
    @Deactivate
    void deactivate() throws InterruptedException {
        sweeper.shutdownNow();
        // No interrupts: H2 closes its database file when a thread is interrupted inside it.
        running.values().forEach(j -> j.cancel("the server is stopping"));
        jobThreads.shutdown();
        if (!jobThreads.awaitTermination(15, TimeUnit.SECONDS)) {
            LOG.warn("Import jobs did not stop within 15 s");
        }
        writerThreads.shutdown();
        try {
            store.interrupt(node, "the server stopped before this job could finish; import again");
        } catch (RuntimeException e) {
            LOG.debug("Could not end queued jobs: {}", e.getMessage());
        }
    }
}
