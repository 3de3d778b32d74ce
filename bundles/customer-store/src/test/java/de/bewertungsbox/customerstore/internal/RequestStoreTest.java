package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bewertungsbox.api.customer.ChargeInput;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.notify.ClaimedRequest;
import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.RequestQuery;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Trigger;

class RequestStoreTest extends StoreTestBase {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static UUID customer(DbCustomerStore store, UUID project, String email, String phone, int charges,
                                 long each, boolean subscription) {
        UUID id = store.upsert(project, new CustomerInput("Kunde", email, email, phone, null, null, T0,
                subscription, null, "test", null)).customerId();
        for (int i = 0; i < charges; i++) {
            store.addCharge(project, new ChargeInput(id, null, null, each, "eur", T0.plusSeconds(i), "test",
                    id + "-" + i));
        }
        return id;
    }

    private static Strategy with(Conditions k) {
        Strategy d = Strategy.defaults();
        return new Strategy(true, Trigger.SIGNUP, d.delay(), d.channels(), null, List.of(), k, d.caps(), d.templates());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theDueSetAppliesEveryConditionAndEachCustomerIsScheduledOnce(String kind) {
        DbCustomerStore customers = customers(kind);
        DbRequestStore store = new DbRequestStore(db(kind).dataSource(), Clock.systemUTC());
        UUID p = projects(kind).create("Due " + UUID.randomUUID()).id();
        UUID rich = customer(customers, p, "rich@example.com", null, 3, 5_000, true);
        customer(customers, p, "poor@example.com", null, 3, 500, true);
        customer(customers, p, "few@example.com", null, 1, 50_000, true);
        customer(customers, p, "nosub@example.com", null, 3, 5_000, false);
        customer(customers, p, null, "+4915112345678", 3, 5_000, true);
        Strategy s = with(new Conditions(true, 2, 10_000, 4_000, "EUR"));
        List<DueCustomer> due = store.dueSet(p, s, T0.minusSeconds(1), T0.plusSeconds(1), null, 100);
        assertEquals(List.of(rich), due.stream().map(DueCustomer::id).toList(), "e-mail channel, all conditions");

        List<DueCustomer> all = new ArrayList<>();
        DueCustomer after = null;
        Strategy loose = with(new Conditions(false, 0, 0, 0, "eur"));
        for (List<DueCustomer> page; !(page = store.dueSet(p, loose, T0, T0, after, 2)).isEmpty(); ) {
            all.addAll(page);
            after = page.get(page.size() - 1);
        }
        assertEquals(4, all.size(), "paged by (trigger, id): every customer with an e-mail address, once");

        List<NewRequest> twice = List.of(new NewRequest(rich, "email", 0, T0), new NewRequest(rich, "email", 0, T0));
        assertEquals(1, store.schedule(p, twice.subList(0, 1), true).size());
        assertEquals(0, store.schedule(p, twice, true).size(),
                "only the first automatic scheduling of a customer stores anything");
        assertTrue(store.dueSet(p, s, T0.minusSeconds(1), T0.plusSeconds(1), null, 100).isEmpty(),
                "a scheduled customer leaves the due set");
        assertEquals(1, store.schedule(p, List.of(new NewRequest(rich, "email", 0, T0)), false).size(),
                "asking by hand is always possible");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesNeverClaimTheSameRequestAndAnExpiredClaimIsTakenOver(String kind) throws Exception {
        DbCustomerStore customers = customers(kind);
        DbRequestStore store = new DbRequestStore(db(kind).dataSource(), Clock.systemUTC());
        UUID p = projects(kind).create("Claim " + UUID.randomUUID()).id();
        List<NewRequest> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(new NewRequest(customer(customers, p, "c" + i + "@example.com", null, 0, 0, false), "email", 0,
                    T0));
        }
        store.schedule(p, batch, false);
        Instant now = T0.plusSeconds(60);
        Set<UUID> seen = new HashSet<>();
        List<CompletableFuture<List<ClaimedRequest>>> nodes = new ArrayList<>();
        for (String node : List.of("a", "b", "a2", "b2")) {
            nodes.add(CompletableFuture.supplyAsync(() -> store.claim(now, 20, node, Duration.ofMinutes(2))));
        }
        int total = 0;
        for (CompletableFuture<List<ClaimedRequest>> f : nodes) {
            for (ClaimedRequest r : f.get()) {
                assertTrue(seen.add(r.request().id()), "claimed twice: " + r.request().id());
                total++;
            }
        }
        assertTrue(total >= 40 && total <= 60, "claimed " + total);
        assertTrue(store.claim(now.plusSeconds(60), 100, "c", Duration.ofMinutes(2)).size() == 60 - total,
                "live claims are left alone");
        assertEquals(60, store.claim(now.plusSeconds(600), 100, "d", Duration.ofMinutes(2)).size(),
                "claims past their lease are taken over");
        ClaimedRequest one = store.claim(now.plusSeconds(2000), 1, "e", Duration.ofMinutes(2)).get(0);
        assertFalse(store.sent(one.request().id(), "x", now, null), "only the claiming node may confirm");
        assertTrue(store.sent(one.request().id(), "e", now, new NewRequest(one.request().customerId(), "email", 1,
                now.plus(Duration.ofDays(3)))));
        assertEquals(2, store.page(p, new RequestQuery(null, one.request().customerId(), null), 10, null).data().size(),
                "the reminder is scheduled with the send");
        store.unsent(one.request().id(), "421 try later", now.plusSeconds(300));
        List<ReviewRequest> after = store.page(p, new RequestQuery(null, one.request().customerId(), null), 10, null)
                .data();
        assertEquals(1, after.size(), "the reminder is withdrawn with the send");
        assertEquals(RequestStatus.SCHEDULED, after.get(0).status());
        assertEquals("421 try later", after.get(0).error());
        assertEquals(0, store.sentCount(p, "email", T0, now.plusSeconds(1)), "an undone send is not counted");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClickAndAnUnsubscribeAreRecordedThroughTheToken(String kind) {
        DbCustomerStore customers = customers(kind);
        DbRequestStore store = new DbRequestStore(db(kind).dataSource(), Clock.systemUTC());
        UUID p = projects(kind).create("Links " + UUID.randomUUID()).id();
        UUID c = customer(customers, p, "link@example.com", "+4915112345679", 0, 0, false);
        store.schedule(p, List.of(new NewRequest(c, "email", 0, T0), new NewRequest(c, "sms", 1, T0)), false);
        ClaimedRequest r = store.claim(T0, 10, "n", Duration.ofMinutes(1)).stream()
                .filter(x -> x.request().reminder() == 0).findFirst().orElseThrow();
        store.reviewUrl(p, "https://g.page/r/example/review");
        assertEquals("https://g.page/r/example/review", store.click(r.token(), T0).orElseThrow());
        assertTrue(store.click("no-such-token", T0).isEmpty());
        assertEquals(RequestStatus.SKIPPED, store.page(p, new RequestQuery(null, null, "sms"), 10, null).data().get(0)
                .status(), "a click ends the reminders");
        assertTrue(store.unsubscribe(r.token(), T0));
        UUID gone = customer(customers, p, "gone@example.com", null, 0, 0, false);
        store.schedule(p, List.of(new NewRequest(gone, "email", 0, T0.plusSeconds(5))), false);
        assertTrue(customers.erase(p, gone));
        assertTrue(store.claim(T0.plusSeconds(10), 10, "n2", Duration.ofMinutes(1)).isEmpty(),
                "an erased customer's requests go with them and are never claimed");
        assertTrue(store.page(p, new RequestQuery(null, gone, null), 10, null).data().isEmpty());
        assertTrue(customers.find(p, c).orElseThrow().optedOutAt() != null);
        assertEquals(1, store.optOutPhone(p, "+4915112345679", T0));
        assertEquals(0, store.optOutPhone(p, "+4915100000000", T0));
    }
}
