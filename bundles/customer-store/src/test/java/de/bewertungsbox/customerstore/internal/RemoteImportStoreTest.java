package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.SourceRow;
import de.bewertungsbox.api.importer.SyncState;
import de.bewertungsbox.api.importjob.ChargeRow;
import de.bewertungsbox.api.importjob.ImportRow;

/** The store side of pull importers: payments by external ids, deletions, cursors, schedules, webhook events. */
class RemoteImportStoreTest extends StoreTestBase {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static DbImportJobStore jobs(String kind) {
        return new DbImportJobStore(db(kind).dataSource(), customers(kind), Clock.systemUTC());
    }

    private static ImportRow stripeCustomer(String id, String email) {
        return new ImportRow(new SourceRow(1, 0, List.of(id)), CustomerInput.builder().firstName("Kim")
                .email(email).source("stripe").externalId(id).build(), List.of());
    }

    private static ChargeRow charge(String customer, String id, long amount, String currency, Instant at) {
        return new ChargeRow(new SourceRow(2, 0, List.of(id)), new ImportCharge(customer, id, amount, currency, at));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void paymentsFindTheirCustomerKeepFiguresAndAGrowingRefundIsUpdated(String kind) {
        UUID p = projects(kind).create("Stripe " + UUID.randomUUID()).id();
        DbImportJobStore store = jobs(kind);
        ImportJob job = store.create(p, "stripe", false, "n");
        store.markRunning(job.id());
        store.commit(job.id(), p, List.of(stripeCustomer("cus_A", "a@example.com"),
                stripeCustomer("cus_B", "b@example.com")), false, -1);

        BatchResult first = store.commitCharges(job.id(), p, "stripe", List.of(
                charge("cus_A", "ch_1", 1000, "EUR", T),
                charge("cus_A", "ch_2", 2500, "eur", T.plusSeconds(3600)),
                charge("cus_A", "ch_2:refunded", -500, "eur", T),
                charge("cus_B", "ch_3", 700, "usd", T),
                charge("cus_X", "ch_4", 700, "usd", T),
                charge("cus_B", "ch_5", 700, "u$d", T)), false, 50);
        assertEquals(List.of(UpsertOutcome.CREATED, UpsertOutcome.CREATED, UpsertOutcome.CREATED,
                UpsertOutcome.CREATED, UpsertOutcome.REJECTED, UpsertOutcome.REJECTED),
                first.results().stream().map(r -> r.outcome()).toList());
        assertTrue(first.results().get(4).errors().get(0).message().contains("cus_X"));

        // The same sync again: nothing changes; then the refund grows to 800.
        BatchResult again = store.commitCharges(job.id(), p, "stripe", List.of(
                charge("cus_A", "ch_1", 1000, "eur", T), charge("cus_A", "ch_2:refunded", -800, "eur", T)),
                false, 60);
        assertEquals(List.of(UpsertOutcome.UNCHANGED, UpsertOutcome.UPDATED),
                again.results().stream().map(r -> r.outcome()).toList());

        Customer a = customers(kind).list(p, CustomerQuery.all()).data().stream()
                .filter(c -> "a@example.com".equals(c.email())).findFirst().orElseThrow();
        assertEquals(2, a.chargeCount(), "a refund is no payment");
        assertEquals(Map.of("eur", 1000L + 2500L - 800L), a.totalSpent());
        assertEquals(T.plusSeconds(3600), a.lastChargeAt());
        assertEquals(3, customers(kind).charges(p, a.id()).size());

        ImportJob after = store.find(p, job.id()).orElseThrow();
        assertEquals(2 + 6 + 2, after.report().total());
        assertEquals(2 + 4, after.report().created());
        assertEquals(1, after.report().updated());
        assertEquals(1, after.report().unchanged());
        assertEquals(2, after.report().rejected());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDryRunOfPaymentsStoresNothing(String kind) {
        UUID p = projects(kind).create("Dry " + UUID.randomUUID()).id();
        DbImportJobStore store = jobs(kind);
        ImportJob job = store.create(p, "stripe", false, "n");
        store.commit(job.id(), p, List.of(stripeCustomer("cus_A", "a@example.com")), false, -1);
        store.commitCharges(job.id(), p, "stripe", List.of(charge("cus_A", "ch_1", 1000, "eur", T)), true, -1);
        UUID a = customers(kind).list(p, CustomerQuery.all()).data().get(0).id();
        assertEquals(0, customers(kind).charges(p, a).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void forgettingErasesACustomerOnlyThatSourceKnew(String kind) {
        UUID p = projects(kind).create("Forget " + UUID.randomUUID()).id();
        DbImportJobStore store = jobs(kind);
        ImportJob job = store.create(p, "stripe", false, "n");
        store.commit(job.id(), p, List.of(stripeCustomer("cus_A", "a@example.com"),
                stripeCustomer("cus_B", "b@example.com")), false, -1);
        customers(kind).upsert(p, CustomerInput.builder().firstName("Bo").email("b@example.com").source("csv")
                .build());
        store.commitCharges(job.id(), p, "stripe", List.of(charge("cus_A", "ch_1", 1000, "eur", T)), false, -1);

        assertTrue(store.forget(job.id(), p, "stripe", "cus_A", false));
        assertTrue(store.forget(job.id(), p, "stripe", "cus_B", false));
        assertFalse(store.forget(job.id(), p, "stripe", "cus_nope", false));
        List<Customer> left = customers(kind).list(p, CustomerQuery.all()).data();
        assertEquals(List.of("b@example.com"), left.stream().map(Customer::email).toList(),
                "B is also known from a CSV file and stays; A is erased with its payments");
        assertEquals(2, store.find(p, job.id()).orElseThrow().report().updated());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cursorsSchedulesAndWebhookEvents(String kind) {
        UUID p = projects(kind).create("Sync " + UUID.randomUUID()).id();
        DbImportJobStore store = jobs(kind);
        assertTrue(store.cursor(p, "stripe").isEmpty());
        UUID job = store.create(p, "stripe", false, "n").id();
        store.saveCursor(p, "stripe", "{\"created\":1700000000}", job);
        assertEquals("{\"created\":1700000000}", store.cursor(p, "stripe").orElseThrow());

        store.schedule(p, "stripe", 15);
        SyncState s = store.syncState(p, "stripe").orElseThrow();
        assertEquals(15, s.intervalMinutes());
        assertEquals(job, s.lastJobId());
        assertTrue(store.claimDueSyncs(Instant.now(), 10).stream().noneMatch(d -> d.projectId().equals(p)));
        Instant later = Instant.now().plusSeconds(16 * 60);
        assertEquals(1, store.claimDueSyncs(later, 1000).stream().filter(d -> d.projectId().equals(p)).count());
        assertEquals(0, store.claimDueSyncs(later, 1000).stream().filter(d -> d.projectId().equals(p)).count(),
                "a claimed sync moves one interval ahead");
        store.schedule(p, "stripe", 0);
        assertTrue(store.claimDueSyncs(later.plusSeconds(86_400), 1000).stream()
                .noneMatch(d -> d.projectId().equals(p)), "interval 0: on demand only");

        assertTrue(store.firstDelivery(p, "stripe", List.of("evt_1")));
        assertFalse(store.firstDelivery(p, "stripe", List.of("evt_1")));
        assertTrue(store.firstDelivery(p, "hubspot", List.of("evt_1")), "per importer");
        assertTrue(store.firstDelivery(p, "stripe", List.of("evt_1", "evt_2")));
    }
}
