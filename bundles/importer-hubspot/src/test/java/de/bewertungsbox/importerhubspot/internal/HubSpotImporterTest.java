package de.bewertungsbox.importerhubspot.internal;

import static de.bewertungsbox.importerhubspot.fake.FakeHubSpot.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.WebhookException;
import de.bewertungsbox.api.importer.WebhookRequest;
import de.bewertungsbox.importerhubspot.fake.FakeHubSpot;

class HubSpotImporterTest {
    static final String TOKEN = "pat-eu1-11111111-2222-3333-4444-555555555555";
    static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final FakeHubSpot hubspot = FakeHubSpot.start(TOKEN);
    final HubSpotImporter importer = new HubSpotImporter(config(), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        hubspot.close();
    }

    static HubSpotConfig config() {
        return new HubSpotConfig() {
            @Override public Class<? extends Annotation> annotationType() { return HubSpotConfig.class; }
            @Override public int max__attempts() { return 4; }
            @Override public int retry__delay__ms() { return 5; }
            @Override public int page__size() { return 100; }
            @Override public long webhook__tolerance__ms() { return 300_000; }
        };
    }

    String settings(String stages) {
        return "{\"token\":\"" + TOKEN + "\",\"api_base\":\"" + hubspot.url() + "\",\"lifecycle_stages\":" + stages
                + ",\"webhook_secret\":\"yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy\"}";
    }

    private void portal(int n) {
        for (int i = 1; i <= n; i++) {
            hubspot.add(contact(1000 + i, i == 7 ? "" : "Vorname" + i, "Nachname" + i, "k" + i + "@example.com",
                    i % 3 == 0 ? "lead" : "customer", T0.plusSeconds(i), T0.plusSeconds(3600 + i)));
        }
    }

    @Test
    void aFullSyncOfEveryContactPagesTheListApi() throws Exception {
        portal(250);
        Recorder job = new Recorder(settings("[]"));
        importer.run(job, job);
        assertEquals(250, job.customers.size());
        CustomerInput c = job.customer("1001");
        assertEquals("Vorname1", c.firstName());
        assertEquals("Nachname1", c.lastName());
        assertEquals("k1@example.com", c.email());
        assertEquals("HubSpot", c.company());
        assertEquals(T0.plusSeconds(1), c.signedUpAt());
        assertEquals("hubspot", c.source());
        List<FieldError> noName = job.customers.stream().filter(a -> "1007".equals(a.customer().externalId()))
                .findFirst().orElseThrow().problems();
        assertEquals("first_name", noName.get(0).field());
        assertEquals(3, hubspot.requests.size(), "three pages of 100: " + hubspot.requests);
        assertTrue(hubspot.requests.get(1).contains("after=100"));
        assertEquals(String.valueOf(NOW.toEpochMilli()), job.savedCursor);
    }

    @Test
    void byLifecycleStageTheSearchIsWalkedInIdWindowsPastTheTenThousandCap() throws Exception {
        ObjectNode[] many = new ObjectNode[25_500];
        for (int i = 1; i <= many.length; i++) {
            many[i - 1] = contact(i, "V" + i, "N", "c" + i + "@example.com", i % 51 == 0 ? "lead" : "customer", T0,
                    T0);
        }
        hubspot.add(many);
        Recorder job = new Recorder(settings("[\"customer\",\"evangelist\"]"));
        importer.run(job, job);
        assertEquals(25_000, job.customers.size(), "every customer, no lead; " + hubspot.requests.size()
                + " requests, last search " + hubspot.searches.get(hubspot.searches.size() - 1));
        assertEquals(25_000, job.customers.stream().map(a -> a.customer().externalId()).distinct().count());
        JsonNode first = hubspot.searches.get(0);
        assertEquals("IN", first.at("/filterGroups/0/filters/0/operator").asText());
        assertEquals("[\"customer\",\"evangelist\"]", first.at("/filterGroups/0/filters/0/values").toString());
        assertTrue(hubspot.searches.stream().anyMatch(s -> s.toString().contains("\"hs_object_id\"")
                && s.toString().contains("\"GT\"")), "later windows start above the last id");
        assertTrue(hubspot.requests.size() < 260, hubspot.requests.size() + " requests");
    }

    @Test
    void anIncrementalSyncAsksForContactsModifiedSinceTheLastOne() throws Exception {
        portal(10);
        long cursor = T0.plusSeconds(3600 + 8).toEpochMilli() + 300_000;
        Recorder job = new Recorder(settings("[]"));
        job.cursor = String.valueOf(cursor);
        importer.run(job, job);
        assertEquals(List.of("1008", "1009", "1010"), job.customers.stream().map(a -> a.customer().externalId())
                .toList(), "modified at or after the cursor minus five minutes");
        assertTrue(hubspot.searches.get(0).toString().contains("\"lastmodifieddate\",\"operator\":\"GTE\","
                + "\"value\":\"" + (cursor - 300_000) + "\""), hubspot.searches.get(0).toString());
    }

    @Test
    void rateLimitsWaitAsHubSpotSaysServerErrorsAreRetriedAndRefusalsAreClear() throws Exception {
        portal(5);
        hubspot.rateLimitNext("TEN_SECONDLY_ROLLING");
        hubspot.rateLimitNext("SECONDLY");
        hubspot.failNext(502);
        Recorder job = new Recorder(settings("[]"));
        long t0 = System.nanoTime();
        importer.run(job, job);
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300 + 1000 - 50, "waited for both limits");
        assertEquals(5, job.customers.size());

        hubspot.rateLimitNext("DAILY");
        Recorder daily = new Recorder(settings("[]"));
        ImportException e = assertThrows(ImportException.class, () -> importer.run(daily, daily));
        assertTrue(e.getMessage().contains("daily API limit"), e.getMessage());

        hubspot.acceptToken("pat-rotated-token-0000");
        Recorder revoked = new Recorder(settings("[]"));
        e = assertThrows(ImportException.class, () -> importer.run(revoked, revoked));
        assertTrue(e.getMessage().startsWith("HubSpot refused the access token (401)"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertNull(revoked.savedCursor);
    }

    @Test
    void webhooksAreVerifiedWithTheV3SignatureAndImportTheirContacts() throws Exception {
        JsonNode v = FakeHubSpot.fixture("webhook_signature_vectors.json").get("v3_computed");
        String secret = v.get("clientSecret").asText();
        String body = v.get("requestBody").asText();
        long ts = v.get("X-HubSpot-Request-Timestamp").asLong();
        HubSpotImporter atVector = new HubSpotImporter(config(), Clock.fixed(Instant.ofEpochMilli(ts + 1000),
                ZoneOffset.UTC));
        String settings = "{\"token\":\"" + TOKEN + "\",\"webhook_secret\":\"" + secret + "\"}";
        WebhookRequest ok = request(v.get("url").asText(), body, v.get("X-HubSpot-Signature-v3").asText(), ts);
        assertEquals(List.of("2"), atVector.verify(ok, settings).eventIds());
        assertThrows(WebhookException.class, () -> atVector.verify(request(v.get("url").asText(),
                body.replace("customer", "lead"), v.get("X-HubSpot-Signature-v3").asText(), ts), settings));
        assertThrows(WebhookException.class, () -> atVector.verify(request(v.get("url").asText(), body, null, ts),
                settings));
        WebhookException old = assertThrows(WebhookException.class, () -> importer.verify(ok, settings));
        assertTrue(old.getMessage().contains("older than 300 s"), old.getMessage());

        // Now a fresh delivery: one contact created, one deleted.
        portal(3);
        String events = "[{\"eventId\":10,\"subscriptionType\":\"contact.creation\",\"objectId\":1002,"
                + "\"occurredAt\":1},{\"eventId\":11,\"subscriptionType\":\"contact.deletion\",\"objectId\":1003,"
                + "\"occurredAt\":2},{\"eventId\":12,\"subscriptionType\":\"contact.propertyChange\",\"objectId\":"
                + "4242,\"propertyName\":\"email\",\"occurredAt\":3}]";
        String uri = "https://bb.example.com/api/v1/webhooks/hubspot/p";
        String sig = FakeHubSpot.signV3(secret, "POST", uri, events, NOW.toEpochMilli());
        assertEquals(List.of("10", "11", "12"), importer.verify(request(uri, events, sig, NOW.toEpochMilli()),
                settings).eventIds());
        Recorder job = new Recorder(settings("[]"));
        job.webhook(events);
        importer.run(job, job);
        assertEquals(List.of("customer:1002", "forget:1003", "forget:4242"), job.order,
                "a contact HubSpot no longer has is forgotten");
    }

    @Test
    void settingsAreChecked() {
        assertEquals(List.of(), importer.checkSettings(settings("[\"customer\"]")));
        assertEquals(List.of("token"), fields("{}"));
        assertEquals(List.of("lifecycle_stages"), fields("{\"token\":\"" + TOKEN + "\",\"lifecycle_stages\":\"customer\"}"));
        assertEquals(List.of("lifecycle_stages"), fields("{\"token\":\"" + TOKEN + "\",\"lifecycle_stages\":[\"a b\"]}"));
        assertEquals(List.of("api_base", "signup_date_property"), fields("{\"token\":\"" + TOKEN
                + "\",\"api_base\":\"nope\",\"signup_date_property\":\"Create Date\"}"));
        assertFalse(HubSpotSettings.parse(settings("[]")).toString().contains(TOKEN));
    }

    @Test
    void theSignupDateComesFromTheConfiguredProperty() throws Exception {
        ObjectNode c = contact(1, "Ada", "L", "ada@example.com", "customer", T0, T0);
        ((ObjectNode) c.get("properties")).put("hs_lifecyclestage_customer_date", "1767225600000");
        hubspot.add(c, contact(2, "Bo", "L", "bo@example.com", "customer", T0, T0));
        Recorder job = new Recorder("{\"token\":\"" + TOKEN + "\",\"api_base\":\"" + hubspot.url()
                + "\",\"signup_date_property\":\"hs_lifecyclestage_customer_date\"}");
        importer.run(job, job);
        assertEquals(Instant.ofEpochMilli(1767225600000L), job.customer("1").signedUpAt());
        assertEquals(T0, job.customer("2").signedUpAt(), "without it: createdate");
        assertTrue(hubspot.requests.get(0).contains("hs_lifecyclestage_customer_date"));
    }

    private List<String> fields(String json) {
        return importer.checkSettings(json).stream().map(FieldError::field).toList();
    }

    private static WebhookRequest request(String uri, String body, String signature, long ts) {
        Map<String, String> h = signature == null ? Map.of("x-hubspot-request-timestamp", String.valueOf(ts))
                : Map.of("x-hubspot-signature-v3", signature, "x-hubspot-request-timestamp", String.valueOf(ts));
        return new WebhookRequest(UUID.randomUUID(), "POST", URI.create(uri), h, body.getBytes(StandardCharsets.UTF_8));
    }
}
