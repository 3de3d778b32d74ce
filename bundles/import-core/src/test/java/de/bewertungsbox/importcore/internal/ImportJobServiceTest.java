package de.bewertungsbox.importcore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.RemoteImporter;
import de.bewertungsbox.api.importer.SourceRow;
import de.bewertungsbox.api.importer.SyncState;
import de.bewertungsbox.api.importer.WebhookDelivery;
import de.bewertungsbox.api.importer.WebhookRequest;

class ImportJobServiceTest {
    @TempDir
    Path dir;
    MemoryJobStore store;
    final MemorySecretStore secrets = new MemorySecretStore();
    ImportJobService service;

    @BeforeEach
    void start() throws Exception {
        store = new MemoryJobStore();
        service = new ImportJobService(config(dir, 3), store, secrets);
    }

    @AfterEach
    void stop() throws Exception {
        service.deactivate();
    }

    /** Emits {@code n} records; record i is bad when i % 10 == 9. */
    private static Importer counting(int n) {
        return (ctx, sink) -> {
            sink.columns(List.of("first_name", "email"), List.of());
            for (int i = 0; i < n; i++) {
                String first = i % 10 == 9 ? "" : "Anna";
                sink.accept(new SourceRow(i + 2, i + 2, List.of(first, "a" + i + "@example.com")),
                        CustomerInput.builder().firstName(first).email("a" + i + "@example.com").build(),
                        first.isEmpty() ? List.of(new FieldError("first_name", "is required")) : List.of());
            }
        };
    }

    private ImportJob await(UUID id) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ImportJob j = store.jobs.get(id);
            if (j.status() != ImportStatus.QUEUED && j.status() != ImportStatus.RUNNING) {
                return j;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job did not end: " + store.jobs.get(id));
    }

    @Test
    void runsAJobInBatchesWithCountsSourceAndContent() throws Exception {
        byte[][] seen = new byte[1][];
        service.addImporter((ctx, sink) -> {
            try (var in = ctx.openContent()) {
                seen[0] = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new ImportException("unreadable", e);
            }
            counting(25).run(ctx, sink);
        }, ref("fake"));
        ImportJob job = service.start(store.project, "fake", ImportOptions.defaults(),
                new ByteArrayInputStream("hello".getBytes()));
        ImportJob done = await(job.id());
        assertEquals(ImportStatus.COMPLETED, done.status());
        assertEquals(25, done.report().total());
        assertEquals(23, done.report().created());
        assertEquals(2, done.report().rejected());
        assertEquals("hello", new String(seen[0], StandardCharsets.UTF_8));
        assertEquals("fake", store.stored.get(0).customer().source(), "the importer id is the default source");
        assertFalse(Files.exists(dir.resolve(job.id() + ".upload")), "the upload is deleted after the job");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(service.writeRejected(store.project, job.id(), out));
        assertEquals("\uFEFFfirst_name,email,error\r\n\"\",a9@example.com,first_name: is required\r\n"
                + "\"\",a19@example.com,first_name: is required\r\n", out.toString(StandardCharsets.UTF_8));
    }

    /** A pull importer: customers, then their payments, a deletion, and a cursor; or fails when asked to. */
    private static final class Remote implements RemoteImporter {
        volatile String settingsSeen;
        volatile String cursorSeen;

        @Override
        public void run(ImportContext ctx, ImportSink sink) throws ImportException {
            settingsSeen = ctx.settings().orElse(null);
            cursorSeen = ctx.cursor().orElse(null);
            for (int i = 0; i < 5; i++) {
                sink.accept(new SourceRow(i + 1, 0, List.of("cus_" + i)), CustomerInput.builder().firstName("A")
                        .email("c" + i + "@example.com").externalId("cus_" + i).build());
            }
            sink.charge(new SourceRow(6, 0, List.of("ch_1")), new ImportCharge("cus_1", "ch_1", 500, "eur",
                    java.time.Instant.EPOCH));
            sink.charge(new SourceRow(7, 0, List.of("ch_2")), new ImportCharge("cus_9", "ch_2", 500, "eur",
                    java.time.Instant.EPOCH));
            sink.accept(new SourceRow(8, 0, List.of("cus_5")), CustomerInput.builder().firstName("B")
                    .email("c5@example.com").externalId("cus_5").build());
            sink.forget(new SourceRow(9, 0, List.of("cus_0")), "cus_0");
            ctx.saveCursor("next-" + ctx.parameters().getOrDefault("n", "1"));
            if (ctx.parameters().containsKey("fail")) {
                throw new ImportException("remote refused");
            }
        }

        @Override
        public List<FieldError> checkSettings(String settings) {
            return List.of();
        }

        @Override
        public WebhookDelivery verify(WebhookRequest request, String settings) {
            return new WebhookDelivery(List.of());
        }
    }

    @Test
    void paymentsAreStoredAfterTheCustomersTheyNameAndTheCursorOnlyWhenTheJobCompletes() throws Exception {
        Remote remote = new Remote();
        service.addImporter(remote, ref("remote"));
        service.saveSettings(store.project, "remote", "{\"api_key\":\"sk_x\"}", 0);
        ImportJob done = await(service.start(store.project, "remote", ImportOptions.defaults(), null).id());
        assertEquals(ImportStatus.COMPLETED, done.status(), String.valueOf(done.error()));
        assertEquals("{\"api_key\":\"sk_x\"}", remote.settingsSeen);
        assertEquals(null, remote.cursorSeen);
        // Customers of different identities may be committed by different lanes in any order between them.
        assertEquals(java.util.Set.of("customer:cus_0", "customer:cus_1", "customer:cus_2", "customer:cus_3",
                "customer:cus_4"), java.util.Set.copyOf(store.order.subList(0, 5)));
        assertEquals(List.of("charge:ch_1", "customer:cus_5", "forget:cus_0"), store.order.subList(5, 8));
        assertEquals(1, done.report().rejected(), "the payment of an unknown customer");
        assertEquals("next-1", store.cursor(store.project, "remote").orElseThrow());

        ImportJob failed = await(service.start(store.project, "remote",
                new ImportOptions(false, Map.of("fail", "1", "n", "2")), null).id());
        assertEquals(ImportStatus.FAILED, failed.status());
        assertEquals("next-1", store.cursor(store.project, "remote").orElseThrow(), "a failed sync keeps the cursor");
        assertEquals("next-1", remote.cursorSeen);
        ImportJob dry = await(service.start(store.project, "remote",
                new ImportOptions(true, Map.of("n", "3")), null).id());
        assertEquals(ImportStatus.COMPLETED, dry.status());
        assertEquals("next-1", store.cursor(store.project, "remote").orElseThrow(), "a dry run keeps the cursor");
    }

    @Test
    void dueSyncsStartOnceAndOnlyForInstalledConfiguredPullImporters() throws Exception {
        Remote remote = new Remote();
        ServiceReference<Importer> r = ref("remote");
        service.addImporter(remote, r);
        service.saveSettings(store.project, "remote", "{}", 5);
        assertEquals(5, service.syncState(store.project, "remote").orElseThrow().intervalMinutes());
        service.startDueSyncs();
        assertTrue(store.jobs.isEmpty(), "not due yet");
        store.states.computeIfPresent(store.project + "/remote", (k, st) -> new SyncState(st.projectId(),
                st.importerId(), st.intervalMinutes(), java.time.Instant.now().minusSeconds(1), null, null));
        service.startDueSyncs();
        service.startDueSyncs();
        assertEquals(1, store.jobs.size(), "claimed once");
        ImportJob job = store.jobs.values().iterator().next();
        assertEquals(job.id(), service.syncState(store.project, "remote").orElseThrow().lastJobId());
        await(job.id());

        service.removeImporter(remote, r);
        store.states.computeIfPresent(store.project + "/remote", (k, st) -> new SyncState(st.projectId(),
                st.importerId(), st.intervalMinutes(), java.time.Instant.now().minusSeconds(1), null, null));
        service.startDueSyncs();
        assertEquals(1, store.jobs.size(), "an uninstalled importer is not started");
    }

    @Test
    void aWebhookEventIsImportedOnce() {
        assertTrue(service.firstDelivery(store.project, "remote", List.of("evt_1")));
        assertFalse(service.firstDelivery(store.project, "remote", List.of("evt_1")));
        assertTrue(service.firstDelivery(store.project, "remote", List.of("evt_1", "evt_2")));
    }

    @Test
    void unknownImporterOrProjectIsRefusedBeforeAnythingIsStored() {
        assertThrows(NotFoundException.class, () -> service.start(store.project, "nope", ImportOptions.defaults(), null));
        service.addImporter(counting(1), ref("fake"));
        assertThrows(NotFoundException.class, () -> service.start(UUID.randomUUID(), "fake", ImportOptions.defaults(),
                new ByteArrayInputStream(new byte[10])));
        assertTrue(store.jobs.isEmpty());
        assertEquals(List.of("node-id"), list(dir), "no upload is left behind");
    }

    @Test
    void aWholeInputFailureKeepsTheRowsReadBeforeIt() throws Exception {
        service.addImporter((ctx, sink) -> {
            counting(7).run(ctx, sink);
            throw new ImportException("A quoted field starting at line 9 is never closed");
        }, ref("fake"));
        ImportJob done = await(service.start(store.project, "fake", ImportOptions.defaults(), null).id());
        assertEquals(ImportStatus.FAILED, done.status());
        assertEquals("A quoted field starting at line 9 is never closed", done.error());
        assertEquals(7, done.report().total());
    }

    @Test
    void aCrashingImporterFailsItsJobWithoutAStackTraceForTheUser() throws Exception {
        service.addImporter((ctx, sink) -> {
            throw new NullPointerException("boom");
        }, ref("fake"));
        ImportJob done = await(service.start(store.project, "fake", ImportOptions.defaults(), null).id());
        assertEquals(ImportStatus.FAILED, done.status());
        assertTrue(done.error().contains("failed unexpectedly (NullPointerException)"), done.error());
    }

    @Test
    void removingTheImporterCancelsItsRunningJobKeepingWhatWasCommitted() throws Exception {
        CountDownLatch committed = new CountDownLatch(1);
        Importer endless = (ctx, sink) -> {
            for (long i = 0; ; i++) {
                sink.accept(new SourceRow(i + 2, i + 2, List.of()),
                        CustomerInput.builder().firstName("A").email("a" + i + "@example.com").build(), List.of());
                if (i == 10_000) {
                    committed.countDown();
                }
            }
        };
        ServiceReference<Importer> ref = ref("endless");
        service.addImporter(endless, ref);
        ImportJob job = service.start(store.project, "endless", ImportOptions.defaults(), null);
        assertTrue(committed.await(10, TimeUnit.SECONDS));
        service.removeImporter(endless, ref);
        ImportJob done = store.jobs.get(job.id());
        assertEquals(ImportStatus.CANCELLED, done.status(), "unbinding waits until the job has stopped");
        assertEquals("the importer 'endless' was removed while the job ran", done.error());
        assertEquals(store.stored.size(), done.report().created(), "counts match what was committed");
        assertTrue(done.report().created() >= 10_000 - 3 * 3);
    }

    @Test
    void aUserCancelStopsTheJobAtItsNextBatch() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        service.addImporter((ctx, sink) -> {
            for (long i = 0; ; i++) {
                sink.accept(new SourceRow(i + 2, 0, List.of()),
                        CustomerInput.builder().firstName("A").email("a@example.com").build(), List.of());
                started.countDown();
            }
        }, ref("endless"));
        ImportJob job = service.start(store.project, "endless", ImportOptions.defaults(), null);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        while (store.jobs.get(job.id()).status() == ImportStatus.QUEUED) {
            Thread.onSpinWait();
        }
        assertTrue(service.cancel(store.project, job.id()).isPresent());
        ImportJob done = await(job.id());
        assertEquals(ImportStatus.CANCELLED, done.status());
        assertEquals("cancelled by a user", done.error());
        assertTrue(service.cancel(UUID.randomUUID(), job.id()).isEmpty(), "another project's job is not found");
    }

    @Test
    void jobsLeftRunningByACrashAreFailedAtTheNextStart() throws Exception {
        service.deactivate();
        ImportJob orphan = store.create(store.project, "csv", false, "whatever");
        store.markRunning(orphan.id());
        Files.writeString(dir.resolve(orphan.id() + ".upload"), "left over");
        service = new ImportJobService(config(dir, 3), store, secrets);
        ImportJob after = store.jobs.get(orphan.id());
        assertEquals(ImportStatus.FAILED, after.status());
        assertTrue(after.error().startsWith("interrupted"));
        assertEquals(List.of("node-id"), list(dir), "left-over uploads are deleted");
    }

    private static List<String> list(Path dir) {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Importer> ref(String id) {
        Map<String, Object> props = Map.of("importer.id", id, "importer.label", id.toUpperCase());
        Bundle bundle = (Bundle) java.lang.reflect.Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (p, m, a) -> switch (m.getName()) {
                    case "getSymbolicName" -> "test.bundle";
                    case "getVersion" -> new org.osgi.framework.Version(1, 2, 3);
                    default -> null;
                });
        return (ServiceReference<Importer>) java.lang.reflect.Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getProperty" -> props.get((String) a[0]);
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    private static ImportCoreConfig config(Path dir, int batch) {
        return new ImportCoreConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ImportCoreConfig.class; }
            @Override public int max__concurrent__jobs() { return 2; }
            @Override public int batch__size() { return batch; }
            @Override public int writers__per__job() { return 0; }
            @Override public String work__dir() { return dir.toString(); }
            @Override public int silent__job__minutes() { return 10; }
            @Override public int sync__check__seconds() { return 3600; }
        };
    }
}
