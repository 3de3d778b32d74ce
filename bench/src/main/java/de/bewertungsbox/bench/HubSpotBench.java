package de.bewertungsbox.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.customerstore.internal.DbCustomerStore;
import de.bewertungsbox.customerstore.internal.DbImportJobStore;
import de.bewertungsbox.customerstore.internal.JpaProjectStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.importcore.internal.BenchAccess;
import de.bewertungsbox.importcore.internal.ImportJobService;
import de.bewertungsbox.importerhubspot.fake.FakeHubSpot;
import de.bewertungsbox.importerhubspot.internal.HubSpotBenchAccess;

/**
 * A full HubSpot sync end to end: the fake HubSpot server (fixture-shaped contacts, generated on the fly) on
 * loopback, the contacts list paged 100 at a time over the JDK HTTP client, the import engine and the store.
 */
final class HubSpotBench {
    private static final String TOKEN = "pat-bench-bench-bench";
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    private final BenchDatabase db;
    private final int contacts;

    HubSpotBench(BenchDatabase db, int contacts) {
        this.db = db;
        this.contacts = contacts;
    }

    String fullSync() throws Exception {
        ObjectNode template = FakeHubSpot.contact(0, "x", "x", "x", "customer", T0, T0);
        try (FakeHubSpot hubspot = FakeHubSpot.start(TOKEN)) {
            hubspot.generate(contacts, i -> {
                ObjectNode c = template.deepCopy();
                ObjectNode p = (ObjectNode) c.get("properties");
                c.put("id", String.valueOf(i));
                p.put("hs_object_id", String.valueOf(i));
                p.put("firstname", "Kontakt" + i);
                p.put("lastname", "Muster");
                p.put("email", "kontakt" + i + "@example.com");
                p.put("createdate", T0.plusSeconds(i).toString());
                return c;
            });
            Jpa jpa = new Jpa(db.emf);
            DbCustomerStore store = new DbCustomerStore(db.ds, jpa, Clock.systemUTC());
            DbImportJobStore jobs = new DbImportJobStore(db.ds, store, Clock.systemUTC());
            UUID project = new JpaProjectStore(jpa, Clock.systemUTC(), "DE").create("HubSpot bench").id();
            ImportJobService engine = BenchAccess.engine(jobs, Files.createTempDirectory("bb-bench-hubspot"), 5000);
            BenchAccess.bind(engine, HubSpotBenchAccess.importer(), "hubspot");
            try {
                engine.saveSettings(project, "hubspot", "{\"token\":\"" + TOKEN + "\",\"api_base\":\""
                        + hubspot.url() + "\"}", 0);
                long t0 = System.nanoTime();
                ImportJob job = engine.start(project, "hubspot", ImportOptions.defaults(), null);
                while (job.finishedAt() == null) {
                    Thread.sleep(50);
                    Bench.sampleHeap();
                    job = engine.find(project, job.id()).orElseThrow();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (job.status() != ImportStatus.COMPLETED || job.report().created() != contacts
                        || store.count(project) != contacts) {
                    throw new IllegalStateException("the sync did not store every contact: " + job.status() + " "
                            + job.error() + ", created " + job.report().created());
                }
                return String.format(Locale.ROOT, "%-20s %-40s %,10d rows %7.2f s %,9.0f contacts/s  (%,d requests)",
                        db.name, "HubSpot full sync end to end", contacts, s, contacts / s, hubspot.requests.size());
            } finally {
                BenchAccess.stop(engine);
            }
        }
    }
}
