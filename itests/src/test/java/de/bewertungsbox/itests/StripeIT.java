package de.bewertungsbox.itests;

import static de.bewertungsbox.importerstripe.fake.FakeStripe.charge;
import static de.bewertungsbox.importerstripe.fake.FakeStripe.customer;
import static de.bewertungsbox.importerstripe.fake.FakeStripe.event;
import static de.bewertungsbox.importerstripe.fake.FakeStripe.subscription;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.importerstripe.fake.FakeStripe;

/**
 * The Stripe importer in the assembled distribution ({@code bin/karaf server}) against a Stripe-shaped HTTP server
 * in the test's JVM: settings checked and kept secret, a full sync with paging, payments, refunds and subscriptions,
 * an incremental sync from events without duplicates, signed, replayed and forged webhooks, a scheduled sync, and a
 * revoked key.
 */
public class StripeIT {
    private static final String KEY = "sk_test_51StripeItKeyDoNotLog";
    private static final String WHSEC = "whsec_stripe_it_secret";
    private static final long T0 = 1_760_000_000L;

    private static KarafServer karaf;
    private static FakeStripe stripe;
    private static String projectId;
    private static String apiKey;

    @BeforeClass
    public static void start() throws Exception {
        stripe = FakeStripe.start(KEY);
        karaf = new KarafServer("stripe-test");
        karaf.set("etc/de.bewertungsbox.importcore.cfg", "sync_check_seconds", "5");
        karaf.start();
        JsonNode p = KarafServer.json(karaf.admin("POST", "projects", "{\"name\":\"Stripe Shop\"}", 201));
        projectId = p.get("id").asText();
        apiKey = p.get("api_key").asText();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    /** Settings with the stored secrets left out (they are kept). */
    private static String settings(int interval) {
        return "{\"api_base\":\"" + stripe.url() + "\",\"sync_interval_minutes\":" + interval + "}";
    }

    private static HttpResponse<String> webhook(String project, String body, String signature) throws Exception {
        return KarafServer.send(HttpRequest.newBuilder(karaf.uri("webhooks/stripe/" + project))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    public void syncsWebhooksAndFailures() throws Exception {
        // Settings: checked, secrets write-only.
        HttpResponse<String> bad = karaf.call(apiKey, "PUT", "importers/stripe/config",
                "{\"api_key\":\"pk_test_nope12345\"}");
        assertEquals(bad.body(), 422, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("api_key"));
        assertEquals(409, karaf.call(apiKey, "POST", "importers/stripe/sync", null).statusCode());
        HttpResponse<String> ok = karaf.call(apiKey, "PUT", "importers/stripe/config",
                "{\"api_key\":\"" + KEY + "\",\"api_base\":\""
                + stripe.url() + "\",\"webhook_secret\":\"" + WHSEC + "\",\"sync_interval_minutes\":0}");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertFalse(ok.body().contains(KEY));
        assertFalse(ok.body().contains(WHSEC));
        JsonNode config = KarafServer.json(karaf.call(apiKey, "GET", "importers/stripe/config", null).body());
        assertEquals("[\"api_key\",\"webhook_secret\"]", config.get("secrets_set").toString());

        // A full sync: 3 pages of customers, payments with a refund, one subscriber, one customer without a name.
        for (int i = 0; i < 120; i++) {
            stripe.add(customer("cus_" + i, "Kunde Nummer" + i, "kunde" + i + "@example.com", null, T0 + i));
        }
        stripe.add(customer("cus_noname", null, "anon@example.com", null, T0));
        stripe.add(charge("ch_1", "cus_1", 5000, 0, "eur", T0 + 500), charge("ch_2", "cus_1", 3000, 1000, "eur",
                T0 + 600), charge("ch_3", "cus_noname", 100, 0, "eur", T0 + 700));
        stripe.add(subscription("sub_1", "cus_1", "active", T0));
        JsonNode full = karaf.sync(apiKey, "stripe");
        assertEquals(full.toString(), "completed", full.get("status").asText());
        assertEquals(full.toString(), 120 + 3, full.get("created").asLong());
        assertEquals("no name; and the payment of that customer", 2, full.get("rejected").asLong());
        JsonNode one = karaf.stored(apiKey, "kunde1@example.com");
        assertEquals("Kunde", one.get("first_name").asText());
        assertEquals("Nummer1", one.get("last_name").asText());
        assertTrue(one.get("has_subscription").asBoolean());
        assertEquals(2, one.get("charge_count").asInt());
        assertEquals(7000, one.get("total_spent").get("eur").asLong());
        assertEquals(120, karaf.customers("stripe-shop"));

        // Incremental: events since the last sync; the same objects again change nothing.
        stripe.add(event("evt_1", "customer.updated", customer("cus_2", "Kunde Nummer2", "neu2@example.com", null,
                T0 + 2), System.currentTimeMillis() / 1000));
        stripe.add(event("evt_2", "charge.succeeded", charge("ch_1", "cus_1", 5000, 0, "eur", T0 + 500),
                System.currentTimeMillis() / 1000));
        long before = stripe.requests.size();
        JsonNode incremental = karaf.sync(apiKey, "stripe");
        assertEquals(incremental.toString(), "completed", incremental.get("status").asText());
        assertTrue(stripe.requests.subList((int) before, stripe.requests.size()).stream()
                .anyMatch(r -> r.startsWith("GET /v1/events")));
        assertEquals(1, incremental.get("unchanged").asLong());
        assertEquals(1, incremental.get("updated").asLong());
        assertEquals("neu2@example.com", karaf.stored(apiKey, "neu2@example.com").get("email").asText());
        assertEquals(120, karaf.customers("stripe-shop"));

        // Webhooks: signed, replayed, forged, wrong project.
        stripe.add(customer("cus_W", "Wanda Web", "wanda@example.com", null, T0));
        String delivery = event("evt_W", "charge.succeeded", charge("ch_W", "cus_W", 4200, 0, "eur", T0), T0)
                .toString();
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> forged = webhook(projectId, delivery, FakeStripe.sign(delivery, "whsec_wrong", now));
        assertEquals(forged.body(), 400, forged.statusCode());
        assertEquals(404, webhook(java.util.UUID.randomUUID().toString(), delivery,
                FakeStripe.sign(delivery, WHSEC, now)).statusCode());
        HttpResponse<String> first = webhook(projectId, delivery, FakeStripe.sign(delivery, WHSEC, now));
        assertEquals(first.body(), 200, first.statusCode());
        JsonNode job = karaf.awaitJob(apiKey, KarafServer.json(first.body()).get("job").asText(), 2);
        assertEquals(job.toString(), "completed", job.get("status").asText());
        assertEquals(4200, karaf.stored(apiKey, "wanda@example.com").get("total_spent").get("eur").asLong());
        HttpResponse<String> replay = webhook(projectId, delivery, FakeStripe.sign(delivery, WHSEC, now));
        assertEquals(replay.body(), 200, replay.statusCode());
        assertTrue(replay.body(), replay.body().contains("\"duplicate\""));

        // A scheduled sync runs by itself.
        karaf.call(apiKey, "PUT", "importers/stripe/config", settings(1));
        JsonNode listed = KarafServer.json(karaf.call(apiKey, "GET", "importers", null).body());
        JsonNode stripeRow = null;
        for (JsonNode i : listed.get("data")) {
            if ("stripe".equals(i.get("id").asText())) {
                stripeRow = i;
            }
        }
        assertTrue(listed.toString(), stripeRow != null && stripeRow.get("configured").asBoolean());
        assertEquals(1, stripeRow.get("sync").get("interval_minutes").asInt());
        String lastJob = stripeRow.get("sync").get("last_job").get("id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
        String scheduledJob = lastJob;
        while (scheduledJob.equals(lastJob)) {
            assertTrue("no scheduled sync started", System.nanoTime() < deadline);
            TimeUnit.SECONDS.sleep(2);
            for (JsonNode i : KarafServer.json(karaf.call(apiKey, "GET", "importers", null).body()).get("data")) {
                if ("stripe".equals(i.get("id").asText()) && i.get("sync").hasNonNull("last_job")) {
                    scheduledJob = i.get("sync").get("last_job").get("id").asText();
                }
            }
        }
        karaf.awaitJob(apiKey, scheduledJob, 2);
        karaf.call(apiKey, "PUT", "importers/stripe/config", settings(0));

        // A revoked key ends the sync failed, with a message a user can act on.
        stripe.acceptKey("sk_test_rolled_after_revocation");
        JsonNode revoked = karaf.sync(apiKey, "stripe");
        assertEquals(revoked.toString(), "failed", revoked.get("status").asText());
        assertTrue(revoked.toString(), revoked.get("error").asText().startsWith("Stripe refused the API key"));

        String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertFalse("the API key is never logged", log.contains(KEY));
        assertFalse("the webhook secret is never logged", log.contains(WHSEC));
    }
}
