package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.RowError;
import de.bewertungsbox.api.importer.SourceRow;
import de.bewertungsbox.api.importjob.ImportRow;
import de.bewertungsbox.api.importjob.RejectedRow;

class ImportJobStoreTest extends StoreTestBase {

    private static DbImportJobStore jobs(String kind) {
        return new DbImportJobStore(db(kind).dataSource(), customers(kind), Clock.systemUTC());
    }

    private static UUID project(String kind) {
        return projects(kind).create("Jobs " + UUID.randomUUID()).id();
    }

    private static ImportRow row(long n, String first, String email) {
        return new ImportRow(new SourceRow(n, n, List.of(first == null ? "" : first, email)),
                CustomerInput.builder().firstName(first).email(email).source("csv").build(), List.of());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void batchStoresCustomersRejectionsAndCountsTogether(String kind) {
        UUID p = project(kind);
        DbImportJobStore store = jobs(kind);
        ImportJob job = store.create(p, "csv", false, "node-a");
        assertEquals(ImportStatus.QUEUED, job.status());
        assertTrue(store.markRunning(job.id()));
        store.columns(job.id(), List.of("Vorname", "E-Mail", "Notiz"), List.of("Notiz"));
        ImportRow parseError = new ImportRow(new SourceRow(4, 5, List.of("Carla", "c@example.com")),
                CustomerInput.builder().firstName("Carla").email("c@example.com").build(),
                List.of(new FieldError("signed_up_at", "'31.02.2024' is not a valid date")));
        store.commit(job.id(), p, List.of(row(2, "Anna", "a@example.com"), row(3, null, "not-an-email"), parseError,
                row(6, "Anna", "A@example.com")), false, 40);
        store.finish(job.id(), ImportStatus.COMPLETED, null);

        ImportJob done = store.find(p, job.id()).orElseThrow();
        assertEquals(ImportStatus.COMPLETED, done.status());
        assertEquals(4, done.report().total());
        assertEquals(1, done.report().created());
        assertEquals(1, done.report().unchanged(), "row 6 is the same customer as row 2");
        assertEquals(2, done.report().rejected());
        assertEquals(100, done.percent());
        assertEquals(List.of("Notiz"), done.report().ignoredColumns());
        List<RowError> errors = done.report().errors();
        assertEquals(List.of(3L, 3L, 4L), errors.stream().map(RowError::row).toList());
        assertEquals(List.of("first_name", "email", "signed_up_at"), errors.stream().map(RowError::field).toList());
        assertEquals(5, errors.get(2).line());
        assertEquals(1, customers(kind).count(p));

        List<RejectedRow> rejected = new ArrayList<>();
        store.rejected(p, job.id(), rejected::add);
        assertEquals(2, rejected.size());
        assertEquals(List.of("", "not-an-email"), rejected.get(0).values());
        assertEquals(List.of("Vorname", "E-Mail", "Notiz"), store.header(p, job.id()).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dryRunCountsButStoresNoCustomer(String kind) {
        UUID p = project(kind);
        DbImportJobStore store = jobs(kind);
        ImportJob job = store.create(p, "csv", true, "node-a");
        store.markRunning(job.id());
        store.commit(job.id(), p, List.of(row(2, "Anna", "a@example.com"), row(3, "", "b@example.com")), true, -1);
        ImportJob after = store.find(p, job.id()).orElseThrow();
        assertEquals(1, after.report().created());
        assertEquals(1, after.report().rejected());
        assertEquals(0, customers(kind).count(p));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reportKeepsTheFirstThousandErrorsAndEveryRejectedRow(String kind) {
        UUID p = project(kind);
        DbImportJobStore store = jobs(kind);
        ImportJob job = store.create(p, "csv", false, "node-a");
        store.markRunning(job.id());
        List<ImportRow> bad = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            bad.add(row(i + 2, "", "x" + i + "@example.com"));
        }
        store.commit(job.id(), p, bad, false, -1);
        ImportJob after = store.find(p, job.id()).orElseThrow();
        assertEquals(1_500, after.report().rejected());
        assertEquals(1_000, after.report().errors().size());
        List<RejectedRow> rejected = new ArrayList<>();
        store.rejected(p, job.id(), rejected::add);
        assertEquals(1_500, rejected.size());
        assertEquals(1_501, rejected.get(1_499).row());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cancelAndInterruptEndJobsAndStayInTheirProject(String kind) {
        UUID p = project(kind);
        UUID other = project(kind);
        DbImportJobStore store = jobs(kind);
        ImportJob queued = store.create(p, "csv", false, "node-a");
        assertTrue(store.requestCancel(other, queued.id()).isEmpty(), "another project's job is not found");
        assertEquals(ImportStatus.CANCELLED, store.requestCancel(p, queued.id()).orElseThrow().status());
        assertFalse(store.markRunning(queued.id()));

        ImportJob running = store.create(p, "csv", false, "node-a");
        store.markRunning(running.id());
        store.requestCancel(p, running.id());
        assertTrue(store.cancelRequested(running.id()));

        ImportJob crashed = store.create(p, "csv", false, "node-b");
        store.markRunning(crashed.id());
        store.commit(crashed.id(), p, List.of(row(2, "Anna", "a@example.com")), false, 10);
        assertEquals(1, store.interrupt("node-b", "interrupted"));
        ImportJob after = store.find(p, crashed.id()).orElseThrow();
        assertEquals(ImportStatus.FAILED, after.status());
        assertEquals("interrupted", after.error());
        assertEquals(1, after.report().created(), "counts committed before the crash are kept");
        assertEquals(0, store.interruptSilent(Duration.ofMinutes(5), "silent"), "node-a's job is alive");

        Page<ImportJob> page = store.list(p, 2, null);
        assertEquals(List.of(crashed.id(), running.id()), page.data().stream().map(ImportJob::id).toList());
        assertTrue(page.hasMore());
        assertEquals(List.of(queued.id()),
                store.list(p, 2, page.nextCursor()).data().stream().map(ImportJob::id).toList());
    }
}
