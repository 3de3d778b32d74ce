package de.bewertungsbox.importerstripe.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.param.ChargeListParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.EventListParams;
import com.stripe.param.SubscriptionListParams;

import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * One sync of one project's Stripe account.
 * <ul>
 * <li>Full: the subscriptions (to know who subscribes), every customer, every charge. The cursor becomes the time
 * the sync started.</li>
 * <li>Incremental (a cursor younger than Stripe's 30 days of events): the events since the cursor, minus five
 * minutes of overlap. Stripe lists events newest first, so the first event seen of an object is its newest state;
 * older ones are skipped. A subscription or paid invoice refreshes its customer's subscription state from Stripe.
 * </li>
 * <li>Webhook: the one event of a delivery, handled like an incremental event; a payment's customer is fetched too,
 * since Stripe does not promise to deliver {@code customer.created} before the customer's first charge.</li>
 * </ul>
 * Re-running any of them stores nothing twice: customers are matched by their Stripe id, payments by theirs.
 */
final class StripeSync {
    private static final Logger LOG = LoggerFactory.getLogger(StripeSync.class);
    static final List<String> EVENT_TYPES = List.of("customer.created", "customer.updated", "customer.deleted",
            "charge.succeeded", "charge.captured", "charge.refunded", "charge.updated",
            "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
            "invoice.paid");
    /** Stripe keeps events for 30 days; an older cursor means a full sync. */
    static final Duration EVENT_RETENTION = Duration.ofDays(29);
    static final long OVERLAP_SECONDS = 300;

    private final StripeCalls calls;
    private final ImportSink sink;
    private final long pageSize;
    private long row;

    StripeSync(StripeCalls calls, ImportSink sink, int pageSize) {
        this.calls = calls;
        this.sink = sink;
        this.pageSize = Math.max(1, Math.min(100, pageSize));
    }

    /** @return the cursor for the next sync */
    String full(Instant startedAt) throws ImportException {
        sink.columns(Records.COLUMNS, List.of());
        Set<String> subscribers = new HashSet<>();
        calls.list("subscriptions", (c, after) -> c.v1().subscriptions().list(SubscriptionListParams.builder()
                .setLimit(pageSize).setStartingAfter(after).build()), s -> {
                    if (active(s) && s.getCustomer() != null) {
                        subscribers.add(s.getCustomer());
                    }
                });
        long customers = calls.list("customers", (c, after) -> c.v1().customers().list(CustomerListParams.builder()
                .setLimit(pageSize).setStartingAfter(after).build()), c -> customer(c, subscribers.contains(c.getId())));
        long charges = calls.list("charges", (c, after) -> c.v1().charges().list(ChargeListParams.builder()
                .setLimit(pageSize).setStartingAfter(after).build()), this::charge);
        LOG.info("Stripe full sync read {} subscribers, {} customers, {} charges", subscribers.size(), customers,
                charges);
        return String.valueOf(startedAt.getEpochSecond());
    }

    /**
     * @param cursor    the last sync's start (unix seconds)
     * @param startedAt now
     * @return the cursor for the next sync
     */
    String incremental(long cursor, Instant startedAt) throws ImportException {
        sink.columns(Records.COLUMNS, List.of());
        Changes changes = new Changes();
        calls.list("events", (c, after) -> c.v1().events().list(EventListParams.builder().setLimit(pageSize)
                .setCreated(EventListParams.Created.builder().setGte(cursor - OVERLAP_SECONDS).build())
                .addAllType(EVENT_TYPES).setStartingAfter(after).build()), e -> changes.add(e, false));
        changes.apply();
        return String.valueOf(startedAt.getEpochSecond());
    }

    /** Imports one webhook event. */
    void webhook(Event event) throws ImportException {
        sink.columns(Records.COLUMNS, List.of());
        Changes changes = new Changes();
        changes.add(event, true);
        changes.apply();
    }

    private void customer(Customer c, Boolean subscribes) {
        if (Boolean.TRUE.equals(c.getDeleted())) {
            sink.forget(new SourceRow(++row, 0, List.of("customer", c.getId())), c.getId());
            return;
        }
        Records.Mapped m = Records.customer(c, subscribes);
        sink.accept(Records.row(++row, c), m.input(), m.problems());
        progress();
    }

    private void charge(Charge c) {
        if (!Records.counts(c)) {
            return;
        }
        for (ImportCharge p : Records.payments(c)) {
            sink.charge(Records.row(++row, c), p);
        }
        progress();
    }

    private void progress() {
        if (row % 1000 == 0) {
            sink.progress(row, -1);
        }
    }

    static boolean active(Subscription s) {
        return "active".equals(s.getStatus()) || "trialing".equals(s.getStatus());
    }

    /** The newest state of each object named by a run of events (newest first), applied in a safe order. */
    private final class Changes {
        final Map<String, Customer> customers = new LinkedHashMap<>();
        final Set<String> deleted = new LinkedHashSet<>();
        final Map<String, Charge> charges = new LinkedHashMap<>();
        final Set<String> refresh = new LinkedHashSet<>();
        final Set<String> seenCustomers = new HashSet<>();

        void add(Event e, boolean fetchPayers) throws ImportException {
            StripeObject o;
            try {
                o = e.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException ex) {
                throw new ImportException("the Stripe event " + e.getId() + " (" + e.getType() + ") could not be "
                        + "read: " + ex.getMessage(), ex);
            }
            String type = e.getType() == null ? "" : e.getType();
            if (o instanceof Customer c && type.startsWith("customer.") && !type.startsWith("customer.subscription")) {
                if (seenCustomers.add(c.getId())) {
                    if ("customer.deleted".equals(type) || Boolean.TRUE.equals(c.getDeleted())) {
                        deleted.add(c.getId());
                    } else {
                        customers.put(c.getId(), c);
                    }
                }
            } else if (o instanceof Charge ch) {
                charges.putIfAbsent(ch.getId(), ch);
                if (fetchPayers && ch.getCustomer() != null && !seenCustomers.contains(ch.getCustomer())) {
                    refresh.add(ch.getCustomer());
                }
            } else if (o instanceof Subscription s && s.getCustomer() != null) {
                refresh.add(s.getCustomer());
            } else if (o instanceof Invoice i && i.getCustomer() != null) {
                refresh.add(i.getCustomer());
            }
        }

        void apply() throws ImportException {
            Map<String, Boolean> subscribes = new LinkedHashMap<>();
            for (String id : refresh) {
                if (deleted.contains(id)) {
                    continue;
                }
                Customer c = calls.call("customer " + id, client -> client.v1().customers().retrieve(id));
                if (Boolean.TRUE.equals(c.getDeleted())) {
                    deleted.add(id);
                    customers.remove(id);
                    continue;
                }
                customers.put(id, c);
                boolean[] active = {false};
                calls.list("subscriptions of " + id, (client, after) -> client.v1().subscriptions().list(
                        SubscriptionListParams.builder().setCustomer(id).setStatus(SubscriptionListParams.Status.ALL)
                                .setLimit(pageSize).setStartingAfter(after).build()),
                        s -> active[0] |= active(s));
                subscribes.put(id, active[0]);
            }
            for (Customer c : customers.values()) {
                if (!deleted.contains(c.getId())) {
                    customer(c, subscribes.get(c.getId()));
                }
            }
            for (Charge ch : charges.values()) {
                charge(ch);
            }
            for (String id : deleted) {
                sink.forget(new SourceRow(++row, 0, List.of("customer", id)), id);
            }
        }
    }
}
