package de.bewertungsbox.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import com.google.gson.JsonObject;

import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.customerstore.internal.DbCustomerStore;
import de.bewertungsbox.customerstore.internal.DbImportJobStore;
import de.bewertungsbox.customerstore.internal.JpaProjectStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.importcore.internal.BenchAccess;
import de.bewertungsbox.importcore.internal.ImportJobService;
import de.bewertungsbox.importerstripe.fake.FakeStripe;
import de.bewertungsbox.importerstripe.internal.StripeBenchAccess;

/**
 * A full Stripe sync end to end: the fake Stripe server (fixture-shaped objects, generated on the fly) on loopback,
 * stripe-java paging 100 objects per request, the import engine and the store. {@code customers} customers with
 * {@code chargesPerCustomer} payments each, every 10th customer subscribed, every 20th payment partly refunded.
 */
final class StripeBench {
    private static final String KEY = "sk_test_benchbenchbenchbench";
    private static final long T0 = 1_700_000_000L;

    private final BenchDatabase db;
    private final int customers;
    private final int chargesPerCustomer;

    StripeBench(BenchDatabase db, int customers, int chargesPerCustomer) {
        this.db = db;
        this.customers = customers;
        this.chargesPerCustomer = chargesPerCustomer;
    }

    /** Stripe objects made from the fixture with placeholders, so a million of them cost little to serve. */
    private static String template(JsonObject o, String... fields) {
        for (String f : fields) {
            o.addProperty(f, "@" + f + "@");
        }
        return o.toString();
    }

    String fullSync() throws Exception {
        String customer = template(FakeStripe.customer("x", "x", "x", null, 0), "id", "name", "email", "created");
        String charge = template(FakeStripe.charge("x", "x", 0, 0, "eur", 0), "id", "customer", "amount",
                "amount_captured", "amount_refunded", "created");
        String subscription = template(FakeStripe.subscription("x", "x", "active", T0), "id", "customer");
        int charges = customers * chargesPerCustomer;
        try (FakeStripe stripe = FakeStripe.start(KEY)) {
            stripe.generate(new FakeStripe.Listing() {
                @Override public int size() { return customers; }
                @Override public int indexOf(String id) { return Integer.parseInt(id.substring(4)); }
                @Override public String json(int i) {
                    return customer.replace("\"@id@\"", "\"cus_" + i + "\"")
                            .replace("\"@name@\"", "\"Kunde Nummer" + i + "\"")
                            .replace("\"@email@\"", "\"kunde" + i + "@example.com\"")
                            .replace("\"@created@\"", Long.toString(T0 - i));
                }
            }, new FakeStripe.Listing() {
                @Override public int size() { return charges; }
                @Override public int indexOf(String id) { return Integer.parseInt(id.substring(3)); }
                @Override public String json(int i) {
                    long amount = 1000 + i % 5000;
                    return charge.replace("\"@id@\"", "\"ch_" + i + "\"")
                            .replace("\"@customer@\"", "\"cus_" + (i % customers) + "\"")
                            .replace("\"@amount@\"", Long.toString(amount))
                            .replace("\"@amount_captured@\"", Long.toString(amount))
                            .replace("\"@amount_refunded@\"", Long.toString(i % 20 == 0 ? amount / 2 : 0))
                            .replace("\"@created@\"", Long.toString(T0 - i));
                }
            }, new FakeStripe.Listing() {
                @Override public int size() { return customers / 10; }
                @Override public int indexOf(String id) { return Integer.parseInt(id.substring(4)); }
                @Override public String json(int i) {
                    return subscription.replace("\"@id@\"", "\"sub_" + i + "\"")
                            .replace("\"@customer@\"", "\"cus_" + (i * 10) + "\"");
                }
            });
            Jpa jpa = new Jpa(db.emf);
            DbCustomerStore store = new DbCustomerStore(db.ds, jpa, Clock.systemUTC());
            DbImportJobStore jobs = new DbImportJobStore(db.ds, store, Clock.systemUTC());
            UUID project = new JpaProjectStore(jpa, Clock.systemUTC(), "DE").create("Stripe bench").id();
            ImportJobService engine = BenchAccess.engine(jobs, Files.createTempDirectory("bb-bench-stripe"), 5000);
            BenchAccess.bind(engine, StripeBenchAccess.importer(), "stripe");
            try {
                engine.saveSettings(project, "stripe", "{\"api_key\":\"" + KEY + "\",\"api_base\":\"" + stripe.url()
                        + "\"}", 0);
                long t0 = System.nanoTime();
                ImportJob job = engine.start(project, "stripe", ImportOptions.defaults(), null);
                while (job.finishedAt() == null) {
                    Thread.sleep(50);
                    Bench.sampleHeap();
                    job = engine.find(project, job.id()).orElseThrow();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                long records = customers + charges + charges / 20;
                if (job.status() != ImportStatus.COMPLETED || job.report().created() != records
                        || store.count(project) != customers) {
                    throw new IllegalStateException("the sync did not store every record: " + job.status() + " "
                            + job.error() + ", created " + job.report().created() + " of " + records + ", rejected "
                            + job.report().rejected() + (job.report().errors().isEmpty() ? ""
                            : ", first error " + job.report().errors().get(0)));
                }
                return String.format(Locale.ROOT, "%-20s %-40s %,10d recs %7.2f s %,9.0f records/s  (%,d customers, "
                        + "%,d payments + %,d refunds, %,d requests)", db.name, "Stripe full sync end to end",
                        records, s, records / s, customers, charges, charges / 20, stripe.requests.size());
            } finally {
                BenchAccess.stop(engine);
            }
        }
    }
}
