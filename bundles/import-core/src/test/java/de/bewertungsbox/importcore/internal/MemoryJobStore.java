package de.bewertungsbox.importcore.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportReport;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.SyncState;
import de.bewertungsbox.api.importjob.ChargeRow;
import de.bewertungsbox.api.importjob.ImportJobStore;
import de.bewertungsbox.api.importjob.ImportRow;
import de.bewertungsbox.api.importjob.RejectedRow;

/**
 * An in-memory job store for the engine's unit tests: a row with errors is rejected, any other is created. The
 * real store is tested against H2 and PostgreSQL in customer-store.
 */
final class MemoryJobStore implements ImportJobStore {
    final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    final Map<UUID, Boolean> cancel = new ConcurrentHashMap<>();
    final List<ImportRow> stored = new CopyOnWriteArrayList<>();
    final List<RejectedRow> rejections = new CopyOnWriteArrayList<>();
    final UUID project = UUID.randomUUID();
    volatile List<String> header = List.of();

    @Override
    public ImportJob create(UUID projectId, String importerId, boolean dryRun, String node) {
        if (!projectId.equals(project)) {
            throw new NotFoundException("project " + projectId + " does not exist");
        }
        ImportJob j = new ImportJob(UUID.randomUUID(), projectId, importerId, ImportStatus.QUEUED,
                new ImportReport(0, 0, 0, 0, 0, List.of(), List.of()), null, dryRun, -1, Instant.now(), null, null);
        jobs.put(j.id(), j);
        return j;
    }

    private synchronized void set(UUID id, ImportStatus s, String error, long total, long created, long rejected) {
        ImportJob j = jobs.get(id);
        ImportReport r = j.report();
        jobs.put(id, new ImportJob(id, j.projectId(), j.importerId(), s, new ImportReport(r.total() + total,
                r.created() + created, 0, 0, r.rejected() + rejected, List.of(), r.ignoredColumns()),
                error == null ? j.error() : error, j.dryRun(), j.percent(), j.createdAt(), j.startedAt(),
                j.finishedAt()));
    }

    @Override
    public synchronized boolean markRunning(UUID jobId) {
        if (jobs.get(jobId).status() != ImportStatus.QUEUED) {
            return false;
        }
        set(jobId, ImportStatus.RUNNING, null, 0, 0, 0);
        return true;
    }

    @Override
    public void columns(UUID jobId, List<String> h, List<String> ignored) {
        header = h;
    }

    @Override
    public synchronized BatchResult commit(UUID jobId, UUID projectId, List<ImportRow> rows, boolean dryRun, int percent) {
        List<UpsertResult> results = new ArrayList<>();
        long created = 0;
        for (int i = 0; i < rows.size(); i++) {
            ImportRow r = rows.get(i);
            if (r.errors().isEmpty()) {
                if (!dryRun) {
                    stored.add(r);
                    order.add("customer:" + (r.customer() == null ? "" : r.customer().externalId()));
                }
                created++;
                results.add(new UpsertResult(i, UpsertOutcome.CREATED, UUID.randomUUID(), List.of()));
            } else {
                rejections.add(new RejectedRow(r.at().row(), r.at().line(), r.at().values(), r.errors()));
                results.add(new UpsertResult(i, UpsertOutcome.REJECTED, null, r.errors()));
            }
        }
        set(jobId, ImportStatus.RUNNING, null, rows.size(), created, rows.size() - created);
        return new BatchResult(results);
    }

    @Override
    public int suggestedWriters() {
        return 2;
    }

    @Override
    public void progress(UUID jobId, int percent) {
    }

    @Override
    public boolean cancelRequested(UUID jobId) {
        return cancel.getOrDefault(jobId, false);
    }

    @Override
    public synchronized Optional<ImportJob> requestCancel(UUID projectId, UUID jobId) {
        ImportJob j = jobs.get(jobId);
        if (j == null || !j.projectId().equals(projectId)) {
            return Optional.empty();
        }
        if (j.status() == ImportStatus.QUEUED) {
            set(jobId, ImportStatus.CANCELLED, "cancelled before it started", 0, 0, 0);
        } else if (j.status() == ImportStatus.RUNNING) {
            cancel.put(jobId, true);
        }
        return Optional.of(jobs.get(jobId));
    }

    @Override
    public synchronized void finish(UUID jobId, ImportStatus status, String error) {
        ImportStatus now = jobs.get(jobId).status();
        if (now == ImportStatus.QUEUED || now == ImportStatus.RUNNING) {
            set(jobId, status, error, 0, 0, 0);
        }
    }

    @Override
    public Optional<ImportJob> find(UUID projectId, UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId)).filter(j -> j.projectId().equals(projectId));
    }

    @Override
    public Page<ImportJob> list(UUID projectId, int limit, String after) {
        return new Page<>(jobs.values().stream().sorted(Comparator.comparing(ImportJob::createdAt).reversed())
                .toList(), false, null);
    }

    @Override
    public Optional<List<String>> header(UUID projectId, UUID jobId) {
        return find(projectId, jobId).map(j -> header);
    }

    @Override
    public void rejected(UUID projectId, UUID jobId, Consumer<RejectedRow> sink) {
        rejections.forEach(sink);
    }

    @Override
    public synchronized int interrupt(String node, String reason) {
        int n = 0;
        for (ImportJob j : List.copyOf(jobs.values())) {
            if (j.status() == ImportStatus.QUEUED || j.status() == ImportStatus.RUNNING) {
                set(j.id(), ImportStatus.FAILED, reason, 0, 0, 0);
                n++;
            }
        }
        return n;
    }

    @Override
    public int interruptSilent(Duration silence, String reason) {
        return 0;
    }

    // Pull importers: payments (stored after the customers they name), cursors, schedules, webhook events.
    final List<ChargeRow> charges = new CopyOnWriteArrayList<>();
    final List<String> order = new CopyOnWriteArrayList<>();
    final Map<String, String> cursors = new ConcurrentHashMap<>();
    final Map<String, SyncState> states = new ConcurrentHashMap<>();
    final java.util.Set<String> events = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized BatchResult commitCharges(UUID jobId, UUID projectId, String source, List<ChargeRow> rows,
                                                  boolean dryRun, int percent) {
        List<UpsertResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String ref = rows.get(i).charge().customerExternalId();
            boolean known = stored.stream().anyMatch(r -> r.customer() != null
                    && ref.equals(r.customer().externalId()));
            results.add(new UpsertResult(i, known ? UpsertOutcome.CREATED : UpsertOutcome.REJECTED, null, List.of()));
            if (known && !dryRun) {
                charges.add(rows.get(i));
                order.add("charge:" + rows.get(i).charge().externalId());
            }
        }
        long ok = results.stream().filter(r -> r.outcome() == UpsertOutcome.CREATED).count();
        set(jobId, ImportStatus.RUNNING, null, rows.size(), ok, rows.size() - ok);
        return new BatchResult(results);
    }

    @Override
    public synchronized boolean forget(UUID jobId, UUID projectId, String source, String externalId, boolean dryRun) {
        order.add("forget:" + externalId);
        return stored.removeIf(r -> r.customer() != null && externalId.equals(r.customer().externalId()));
    }

    @Override
    public Optional<String> cursor(UUID projectId, String importerId) {
        return Optional.ofNullable(cursors.get(projectId + "/" + importerId));
    }

    @Override
    public void saveCursor(UUID projectId, String importerId, String cursor, UUID jobId) {
        cursors.put(projectId + "/" + importerId, cursor);
    }

    @Override
    public void schedule(UUID projectId, String importerId, int intervalMinutes) {
        states.put(projectId + "/" + importerId, new SyncState(projectId, importerId, intervalMinutes,
                intervalMinutes == 0 ? null : Instant.now().plusSeconds(60L * intervalMinutes), null, null));
    }

    @Override
    public Optional<SyncState> syncState(UUID projectId, String importerId) {
        return Optional.ofNullable(states.get(projectId + "/" + importerId));
    }

    @Override
    public synchronized List<SyncState> claimDueSyncs(Instant now, int limit) {
        List<SyncState> due = new ArrayList<>();
        for (Map.Entry<String, SyncState> e : states.entrySet()) {
            SyncState s = e.getValue();
            if (s.intervalMinutes() > 0 && s.nextSyncAt() != null && !s.nextSyncAt().isAfter(now)) {
                due.add(s);
                e.setValue(new SyncState(s.projectId(), s.importerId(), s.intervalMinutes(),
                        now.plusSeconds(60L * s.intervalMinutes()), s.lastJobId(), s.cursorSavedAt()));
            }
        }
        return due;
    }

    @Override
    public void syncStarted(UUID projectId, String importerId, UUID jobId) {
        states.computeIfPresent(projectId + "/" + importerId, (k, s) -> new SyncState(s.projectId(), s.importerId(),
                s.intervalMinutes(), s.nextSyncAt(), jobId, s.cursorSavedAt()));
    }

    @Override
    public boolean firstDelivery(UUID projectId, String importerId, List<String> eventIds) {
        boolean any = false;
        for (String id : eventIds) {
            any |= events.add(projectId + "/" + importerId + "/" + id);
        }
        return any || eventIds.isEmpty();
    }

    @Override
    public int forgetDeliveries(Duration olderThan) {
        return 0;
    }
}
