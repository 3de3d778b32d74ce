package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.ChargeInput;
import de.bewertungsbox.api.customer.ChargeResult;
import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.LocationInput;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.api.customer.ValidationException;

class CustomerStoreTest extends StoreTestBase {

    private static CustomerInput anna(String email) {
        return CustomerInput.builder().firstName("Anna").lastName("Schmidt").email(email).source("csv").build();
    }

    private static UUID newProject(String kind) {
        return projects(kind).create("Test " + UUID.randomUUID()).id();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void createsAndReadsBackNormalised(String kind) {
        UUID p = newProject(kind);
        DbCustomerStore store = customers(kind);
        UpsertResult r = store.upsert(p, CustomerInput.builder().firstName(" Anna ").email("Anna@Example.COM")
                .phone("0171 1234567").signedUpAt(Instant.parse("2026-03-01T00:00:00Z")).hasSubscription(true)
                .source("api").build());
        assertEquals(UpsertOutcome.CREATED, r.outcome());
        Customer c = store.find(p, r.customerId()).orElseThrow();
        assertEquals("Anna", c.firstName());
        assertEquals("anna@example.com", c.email());
        assertEquals("+491711234567", c.phone());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), c.signedUpAt());
        assertTrue(c.hasSubscription());
        assertEquals(Set.of("api"), c.sources());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sameIdentityUpdatesNeverDuplicates(String kind) {
        UUID p = newProject(kind);
        DbCustomerStore store = customers(kind);
        UUID id = store.upsert(p, anna("anna@example.com")).customerId();
        UpsertResult again = store.upsert(p, anna("ANNA@example.com "));
        assertEquals(UpsertOutcome.UNCHANGED, again.outcome());
        assertEquals(id, again.customerId());
        UpsertResult update = store.upsert(p, CustomerInput.builder().firstName("Anna").email("anna@example.com")
                .company("ACME").source("stripe").build());
        assertEquals(UpsertOutcome.UPDATED, update.outcome());
        Customer c = store.find(p, id).orElseThrow();
        assertEquals("Schmidt", c.lastName(), "an empty field must not erase a stored value");
        assertEquals("ACME", c.company());
        assertEquals(Set.of("csv", "stripe"), c.sources());
        assertEquals(1, store.count(p));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void externalIdWinsOverEmailAndPhoneIdentifiesWithoutEmail(String kind) {
        UUID p = newProject(kind);
        DbCustomerStore store = customers(kind);
        UUID id = store.upsert(p, CustomerInput.builder().firstName("Bo").email("bo@old.de").source("stripe")
                .externalId("cus_1").build()).customerId();
        UpsertResult moved = store.upsert(p, CustomerInput.builder().firstName("Bo").email("bo@new.de")
                .source("stripe").externalId("cus_1").build());
        assertEquals(UpsertOutcome.UPDATED, moved.outcome());
        assertEquals(id, moved.customerId());
        assertEquals("bo@new.de", store.find(p, id).orElseThrow().email());

        UUID phoneOnly = store.upsert(p, CustomerInput.builder().firstName("Cem").phone("+49 30 1234567").build())
                .customerId();
        UpsertResult byPhone = store.upsert(p, CustomerInput.builder().firstName("Cem").lastName("Yilmaz")
                .phone("030 1234567").build());
        assertEquals(phoneOnly, byPhone.customerId());
        assertEquals(UpsertOutcome.UPDATED, byPhone.outcome());
        assertEquals(2, store.count(p));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void batchStoresGoodRowsBesideBadOnesAndMergesDuplicates(String kind) {
        UUID p = newProject(kind);
        projects(kind).addLocation(p, new LocationInput("berlin", "Berlin Mitte", "https://g.page/r/x"));
        DbCustomerStore store = customers(kind);
        List<CustomerInput> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(CustomerInput.builder().firstName("F" + i).email("c" + i + "@example.com").location("berlin")
                    .source("csv").build());
        }
        int[] bad = {3, 77, 500, 999};
        batch.set(3, CustomerInput.builder().email("x3@example.com").build());
        batch.set(77, CustomerInput.builder().firstName("X").email("nope").build());
        batch.set(500, CustomerInput.builder().firstName("X").email("x500@example.com").location("paris").build());
        batch.set(999, CustomerInput.builder().lastName("X").build());
        batch.add(CustomerInput.builder().firstName("F10").lastName("Again").email("C10@example.com").build());
        batch.add(null);

        BatchResult r = store.upsertAll(p, batch);
        assertEquals(996, r.count(UpsertOutcome.CREATED));
        assertEquals(1, r.count(UpsertOutcome.UPDATED));
        assertEquals(5, r.count(UpsertOutcome.REJECTED));
        assertEquals(List.of(new FieldError("record", "is empty (null)")), r.results().get(1001).errors());
        for (int i : bad) {
            assertEquals(UpsertOutcome.REJECTED, r.results().get(i).outcome(), "row " + i);
            assertFalse(r.results().get(i).errors().isEmpty());
        }
        assertEquals("first_name", r.results().get(3).errors().get(0).field());
        assertEquals("email", r.results().get(77).errors().get(0).field());
        assertEquals("location", r.results().get(500).errors().get(0).field());
        assertEquals(List.of("first_name", "contact"),
                r.results().get(999).errors().stream().map(FieldError::field).toList());
        assertEquals(r.results().get(10).customerId(), r.results().get(1000).customerId());
        assertEquals(996, store.count(p));
        assertEquals("Again", store.find(p, r.results().get(10).customerId()).orElseThrow().lastName());

        BatchResult second = store.upsertAll(p, batch);
        assertEquals(0, second.count(UpsertOutcome.CREATED), "importing the same records twice creates nothing");
        assertEquals(996, store.count(p));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void emailOfAnotherCustomerIsRefused(String kind) {
        UUID p = newProject(kind);
        DbCustomerStore store = customers(kind);
        store.upsert(p, anna("a@example.com"));
        store.upsert(p, CustomerInput.builder().firstName("B").email("b@example.com").source("s")
                .externalId("1").build());
        UpsertResult r = store.upsert(p, CustomerInput.builder().firstName("B").email("a@example.com").source("s")
                .externalId("1").build());
        assertEquals(UpsertOutcome.REJECTED, r.outcome());
        assertEquals("email", r.errors().get(0).field());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void projectsAreIsolated(String kind) {
        UUID p1 = newProject(kind);
        UUID p2 = newProject(kind);
        DbCustomerStore store = customers(kind);
        UUID id = store.upsert(p1, anna("same@example.com")).customerId();
        UUID other = store.upsert(p2, anna("same@example.com")).customerId();
        assertFalse(id.equals(other), "the same e-mail in two projects is two customers");
        assertTrue(store.find(p2, id).isEmpty());
        assertFalse(store.erase(p2, id));
        assertThrows(NotFoundException.class, () -> store.charges(p2, id));
        assertThrows(NotFoundException.class, () -> store.addCharge(p2,
                new ChargeInput(id, null, null, 100, "eur", null, "api", null)));
        assertTrue(store.find(p1, id).isPresent());
        assertEquals(1, store.list(p2, CustomerQuery.all()).data().size());
        assertThrows(NotFoundException.class, () -> store.upsert(UUID.randomUUID(), anna("x@example.com")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void chargesKeepFiguresCurrentAndDeduplicate(String kind) {
        UUID p = newProject(kind);
        DbCustomerStore store = customers(kind);
        UUID id = store.upsert(p, anna("pay@example.com")).customerId();
        Instant t1 = Instant.parse("2026-01-10T10:00:00Z");
        Instant t2 = Instant.parse("2026-02-10T10:00:00Z");
        ChargeResult first = store.addCharge(p, new ChargeInput(id, null, null, 5000, "EUR", t1, "stripe", "ch_1"));
        assertTrue(first.created());
        assertFalse(store.addCharge(p, new ChargeInput(id, null, null, 5000, "eur", t1, "stripe", "ch_1")).created());
        store.addCharge(p, new ChargeInput(null, "PAY@example.com", null, 2500, "eur", t2, "stripe", "ch_2"));
        store.addCharge(p, new ChargeInput(id, null, null, -1000, "eur", t2, "stripe", "re_1"));
        store.addCharge(p, new ChargeInput(id, null, null, 900, "usd", t1, "api", null));
        Customer c = store.find(p, id).orElseThrow();
        assertEquals(3, c.chargeCount(), "refunds do not count as charges");
        assertEquals(Map.of("eur", 6500L, "usd", 900L), c.totalSpent());
        assertEquals(t2, c.lastChargeAt());
        assertEquals(4, store.charges(p, id).size());
        assertThrows(NotFoundException.class, () -> store.addCharge(p,
                new ChargeInput(null, "nobody@example.com", null, 1, "eur", null, "api", null)));
        ValidationException e = assertThrows(ValidationException.class, () -> store.addCharge(p,
                new ChargeInput(id, null, null, 1, "euro", null, "api", null)));
        assertEquals("currency", e.errors().get(0).field());
        assertTrue(store.erase(p, id));
        assertTrue(store.find(p, id).isEmpty());
        assertThrows(NotFoundException.class, () -> store.charges(p, id));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listsPagesAndFilters(String kind) {
        UUID p = newProject(kind);
        projects(kind).addLocation(p, new LocationInput("koeln", "Köln", null));
        DbCustomerStore store = customers(kind);
        List<CustomerInput> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(CustomerInput.builder().firstName("N" + i).email("l" + i + "@example.com")
                    .company(i % 5 == 0 ? "Bäckerei Meyer" : null).location(i < 3 ? "koeln" : null)
                    .source(i % 2 == 0 ? "csv" : "api").build());
        }
        store.upsertAll(p, batch);
        Set<UUID> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Customer> page = store.list(p, new CustomerQuery(null, null, null, null, null,
                    cursor == null ? null : UUID.fromString(cursor), 10));
            page.data().forEach(c -> assertTrue(seen.add(c.id())));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(25, seen.size());
        assertEquals(3, pages);
        assertEquals(5, store.list(p, new CustomerQuery(null, null, "meyer", null, null, null, 100)).data().size());
        assertEquals(3, store.list(p, new CustomerQuery(null, null, null, "koeln", null, null, 100)).data().size());
        assertEquals(13, store.list(p, new CustomerQuery(null, null, null, null, "csv", null, 100)).data().size());
        assertEquals(1, store.list(p, new CustomerQuery("L7@Example.com", null, null, null, null, null, 100))
                .data().size());
        assertNull(store.list(p, new CustomerQuery(null, null, null, null, null, null, 100)).nextCursor());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void updateChangesOneCustomerByIdAndKeepsIdentitiesUnique(String kind) {
        UUID p = newProject(kind);
        DbCustomerStore store = customers(kind);
        UUID anna = store.upsert(p, anna("anna@example.com")).customerId();
        store.upsert(p, anna("ben@example.com"));
        UpsertResult r = store.update(p, anna, CustomerInput.builder().email("Anna.Neu@Example.com")
                .company("ACME").build());
        assertEquals(UpsertOutcome.UPDATED, r.outcome());
        Customer c = store.find(p, anna).orElseThrow();
        assertEquals("anna.neu@example.com", c.email());
        assertEquals("ACME", c.company());
        assertEquals("Schmidt", c.lastName(), "fields not given keep their value");
        assertEquals(UpsertOutcome.UNCHANGED, store.update(p, anna, CustomerInput.builder().company("ACME").build())
                .outcome());
        UpsertResult taken = store.update(p, anna, CustomerInput.builder().email("ben@example.com").build());
        assertEquals(UpsertOutcome.REJECTED, taken.outcome());
        assertEquals("email", taken.errors().get(0).field());
        assertEquals(UpsertOutcome.REJECTED, store.update(p, anna, CustomerInput.builder().email("kaputt").build())
                .outcome());
        assertThrows(NotFoundException.class, () -> store.update(newProject(kind), anna,
                CustomerInput.builder().company("X").build()), "another project's customer is not found");
    }
}
