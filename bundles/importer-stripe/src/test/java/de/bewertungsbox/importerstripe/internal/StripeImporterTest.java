package de.bewertungsbox.importerstripe.internal;

import static de.bewertungsbox.importerstripe.fake.FakeStripe.charge;
import static de.bewertungsbox.importerstripe.fake.FakeStripe.customer;
import static de.bewertungsbox.importerstripe.fake.FakeStripe.event;
import static de.bewertungsbox.importerstripe.fake.FakeStripe.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.WebhookException;
import de.bewertungsbox.api.importer.WebhookRequest;
import de.bewertungsbox.importerstripe.fake.FakeStripe;

class StripeImporterTest {
    static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    static final long T0 = 1_700_000_000L;

    final FakeStripe stripe = FakeStripe.start(KEY);
    final StripeImporter importer = new StripeImporter(config(2), Clock.fixed(Instant.ofEpochSecond(T0 + 86_400),
            ZoneOffset.UTC));

    @AfterEach
    void stop() {
        stripe.close();
        importer.deactivate();
    }

    static StripeConfig config(int pageSize) {
        return new StripeConfig() {
            @Override public Class<? extends Annotation> annotationType() { return StripeConfig.class; }
            @Override public int max__attempts() { return 4; }
            @Override public int retry__delay__ms() { return 5; }
            @Override public int page__size() { return pageSize; }
            @Override public int webhook__tolerance__seconds() { return 300; }
        };
    }

    String settings() {
        return "{\"api_key\":\"" + KEY + "\",\"api_base\":\"" + stripe.url()
                + "\",\"webhook_secret\":\"whsec_test_secret_for_fixtures\"}";
    }

    private void account() {
        stripe.add(customer("cus_A", "Anna Maria Schmidt", "anna@example.com", null, T0),
                customer("cus_B", "Ben", null, "+49 171 1234567", T0 + 1),
                customer("cus_C", null, "noname@example.com", null, T0 + 2),
                customer("cus_D", "Dora Dietz", "dora@example.com", null, T0 + 3),
                customer("cus_E", "Emil Ernst", "emil@example.com", null, T0 + 4));
        JsonObject uncaptured = charge("ch_3", "cus_A", 999, 0, "eur", T0 + 12);
        uncaptured.addProperty("captured", false);
        uncaptured.addProperty("amount_captured", 0);
        JsonObject failed = charge("ch_4", "cus_A", 999, 0, "eur", T0 + 13);
        failed.addProperty("status", "failed");
        stripe.add(charge("ch_1", "cus_A", 2500, 0, "eur", T0 + 10),
                charge("ch_2", "cus_A", 4000, 1500, "eur", T0 + 11), uncaptured, failed,
                charge("ch_5", null, 100, 0, "eur", T0 + 14),
                charge("ch_6", "cus_B", 1200, 0, "usd", T0 + 15));
        stripe.add(subscription("sub_1", "cus_A", "active", T0), subscription("sub_2", "cus_B", "canceled", T0),
                subscription("sub_3", "cus_D", "trialing", T0));
    }

    @Test
    void aFullSyncReadsEveryPageAndMapsCustomersPaymentsRefundsAndSubscriptions() throws Exception {
        account();
        Recorder job = new Recorder(settings());
        importer.run(job, job);

        assertEquals(5, job.customers.size());
        CustomerInput anna = job.customer("cus_A");
        assertEquals("Anna Maria", anna.firstName());
        assertEquals("Schmidt", anna.lastName());
        assertEquals("anna@example.com", anna.email());
        assertEquals(Instant.ofEpochSecond(T0), anna.signedUpAt());
        assertEquals("stripe", anna.source());
        assertEquals(Boolean.TRUE, anna.hasSubscription());
        assertEquals(Boolean.FALSE, job.customer("cus_B").hasSubscription(), "a canceled subscription");
        assertEquals("+49 171 1234567", job.customer("cus_B").phone());
        assertEquals(Boolean.TRUE, job.customer("cus_D").hasSubscription(), "trialing counts as active");
        List<FieldError> noName = job.customers.stream().filter(a -> "cus_C".equals(a.customer().externalId()))
                .findFirst().orElseThrow().problems();
        assertEquals("name", noName.get(0).field());
        assertTrue(noName.get(0).message().contains("cus_C"));

        assertEquals(List.of(
                new ImportCharge("cus_B", "ch_6", 1200, "usd", Instant.ofEpochSecond(T0 + 15)),
                new ImportCharge("cus_A", "ch_2", 4000, "eur", Instant.ofEpochSecond(T0 + 11)),
                new ImportCharge("cus_A", "ch_2:refunded", -1500, "eur", Instant.ofEpochSecond(T0 + 11)),
                new ImportCharge("cus_A", "ch_1", 2500, "eur", Instant.ofEpochSecond(T0 + 10))), job.charges,
                "failed, uncaptured and customer-less charges are skipped; a refund is a negative record");
        assertTrue(job.order.indexOf("charge:ch_6") > job.order.indexOf("customer:cus_A"));
        assertEquals(String.valueOf(T0 + 86_400), job.savedCursor);
        assertTrue(stripe.requests.stream().anyMatch(r -> r.startsWith("GET /v1/customers?")
                && r.contains("starting_after=cus_D")), "pages follow starting_after: " + stripe.requests);
        assertTrue(stripe.requests.stream().allMatch(r -> !r.contains("limit=") || r.contains("limit=2")));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAndARevokedKeyFailsClearly() throws Exception {
        account();
        stripe.failNext(429, 500, 429);
        Recorder job = new Recorder(settings());
        importer.run(job, job);
        assertEquals(5, job.customers.size(), "nothing lost to the retries");

        stripe.failNext(503, 503, 503, 503);
        Recorder giveUp = new Recorder(settings());
        ImportException e = assertThrows(ImportException.class, () -> importer.run(giveUp, giveUp));
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());

        stripe.acceptKey("sk_test_rolledrolledrolled");
        Recorder revoked = new Recorder(settings());
        e = assertThrows(ImportException.class, () -> importer.run(revoked, revoked));
        assertTrue(e.getMessage().startsWith("Stripe refused the API key (401)"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY.substring(8)), "the key is not repeated");
        assertNull(revoked.savedCursor);
    }

    @Test
    void anIncrementalSyncAppliesTheNewestStateOfEachObjectFromTheEvents() throws Exception {
        long cursor = T0 + 86_000;
        stripe.add(customer("cus_A", "Anna Schmidt", "anna@example.com", null, T0),
                customer("cus_S", "Sven Sub", "sven@example.com", null, T0));
        stripe.add(subscription("sub_9", "cus_S", "active", cursor + 5));
        stripe.add(
                event("evt_1", "customer.created", customer("cus_N", "Nora Neu", "old@example.com", null, cursor + 1),
                        cursor + 1),
                event("evt_2", "customer.updated", customer("cus_N", "Nora Neu", "nora@example.com", null,
                        cursor + 1), cursor + 2),
                event("evt_3", "charge.succeeded", charge("ch_N", "cus_N", 990, 0, "eur", cursor + 3), cursor + 3),
                event("evt_4", "charge.refunded", charge("ch_N", "cus_N", 990, 990, "eur", cursor + 3), cursor + 4),
                event("evt_5", "customer.subscription.created", subscription("sub_9", "cus_S", "active",
                        cursor + 5), cursor + 5),
                event("evt_6", "customer.deleted", customer("cus_A", "Anna Schmidt", "anna@example.com", null, T0),
                        cursor + 6),
                event("evt_old", "customer.updated", customer("cus_O", "Olaf Alt", "olaf@example.com", null, T0),
                        cursor - 1000));
        Recorder job = new Recorder(settings());
        job.cursor = String.valueOf(cursor);
        importer.run(job, job);

        assertEquals("nora@example.com", job.customer("cus_N").email(), "the newest event wins");
        assertNull(job.customer("cus_N").hasSubscription(), "unknown here: left as stored");
        assertEquals(Boolean.TRUE, job.customer("cus_S").hasSubscription(), "refreshed from Stripe");
        assertEquals(List.of(new ImportCharge("cus_N", "ch_N", 990, "eur", Instant.ofEpochSecond(cursor + 3)),
                new ImportCharge("cus_N", "ch_N:refunded", -990, "eur", Instant.ofEpochSecond(cursor + 3))),
                job.charges);
        assertEquals(List.of("cus_A"), job.forgotten);
        assertTrue(job.customers.stream().noneMatch(a -> "cus_O".equals(a.customer().externalId())),
                "events before the cursor are not read");
        assertTrue(stripe.requests.stream().anyMatch(r -> r.startsWith("GET /v1/events?")
                && (r.contains("created%5Bgte%5D=" + (cursor - 300)) || r.contains("created[gte]=" + (cursor - 300)))
                && r.contains("customer.subscription.updated")), stripe.requests.toString());
        assertEquals(String.valueOf(T0 + 86_400), job.savedCursor);
    }

    @Test
    void aCursorOlderThanStripesEventsMeansAFullSync() throws Exception {
        account();
        Recorder job = new Recorder(settings());
        job.cursor = String.valueOf(T0 - 40L * 86_400);
        importer.run(job, job);
        assertEquals(5, job.customers.size());
        assertTrue(stripe.requests.stream().noneMatch(r -> r.startsWith("GET /v1/events")));
    }

    @Test
    void webhooksAreVerifiedWithStripeJavaAndAChargeBringsItsCustomer() throws Exception {
        JsonObject vector = FakeStripe.fixture("webhook_signature_vector.json");
        String payload = vector.get("payload").getAsString();
        String header = vector.get("stripe_signature_header").getAsString();
        StripeImporter atVectorTime = new StripeImporter(config(2), Clock.fixed(Instant.ofEpochSecond(
                vector.get("timestamp").getAsLong() + 10), ZoneOffset.UTC));
        try {
            assertEquals(List.of("evt_1Pgc76B7WZ01zgkWcust0001"),
                    atVectorTime.verify(request(payload, header), settings()).eventIds());
            WebhookException bad = assertThrows(WebhookException.class, () -> atVectorTime.verify(
                    request(payload.replace("\"balance\":0", "\"balance\":1"), header), settings()));
            assertTrue(bad.getMessage().contains("signature"), bad.getMessage());
            assertThrows(WebhookException.class, () -> atVectorTime.verify(request(payload, null), settings()));
            assertThrows(WebhookException.class, () -> atVectorTime.verify(request(payload, header),
                    "{\"api_key\":\"" + KEY + "\"}"), "no webhook secret configured");
        } finally {
            atVectorTime.deactivate();
        }
        WebhookException old = assertThrows(WebhookException.class, () -> importer.verify(request(payload, header),
                settings()));
        assertTrue(old.getMessage().contains("older than 300 s"), old.getMessage());

        // A fresh delivery signed now: charge.succeeded for a customer not imported yet.
        stripe.add(customer("cus_W", "Wanda Web", "wanda@example.com", null, T0));
        String event = event("evt_W", "charge.succeeded", charge("ch_W", "cus_W", 4200, 0, "eur", T0), T0).toString();
        long now = T0 + 86_400;
        String signed = FakeStripe.sign(event, "whsec_test_secret_for_fixtures", now);
        assertEquals(List.of("evt_W"), importer.verify(request(event, signed),
                settings()).eventIds());
        Recorder job = new Recorder(settings());
        job.webhook(event);
        importer.run(job, job);
        assertEquals(List.of("customer:cus_W", "charge:ch_W"), job.order);
        assertNull(job.savedCursor, "a webhook does not move the sync cursor");
    }

    @Test
    void settingsAreCheckedBeforeTheyAreStored() {
        assertEquals(List.of(), importer.checkSettings(settings()));
        assertEquals(List.of("api_key"), fields("{}"));
        assertEquals(List.of("api_key"), fields("{\"api_key\":\"pk_test_123456789\"}"));
        assertEquals(List.of("api_base", "webhook_secret"), fields("{\"api_key\":\"rk_live_12345678abc\","
                + "\"api_base\":\"ftp://x\",\"webhook_secret\":\"secret\"}"));
        assertEquals(List.of("api_key"), fields("{\"api_key\":42}"));
        assertEquals(List.of("settings"), fields("[1]"));
        assertFalse(StripeSettings.parse(settings()).toString().contains(KEY), "toString hides the key");
    }

    private List<String> fields(String json) {
        return importer.checkSettings(json).stream().map(FieldError::field).toList();
    }

    private static WebhookRequest request(String payload, String signature) {
        return new WebhookRequest(UUID.randomUUID(), "POST", java.net.URI.create("http://localhost/x"),
                signature == null ? Map.of() : Map.of("stripe-signature", signature),
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
