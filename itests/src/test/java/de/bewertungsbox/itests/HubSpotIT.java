package de.bewertungsbox.itests;

import static de.bewertungsbox.importerhubspot.fake.FakeHubSpot.contact;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.importerhubspot.fake.FakeHubSpot;

/**
 * The HubSpot importer in the assembled distribution ({@code bin/karaf server}) against a HubSpot-shaped HTTP server
 * in the test's JVM: settings checked and kept secret, a full sync by lifecycle stage through a rate limit, an
 * incremental sync, signed, replayed and forged webhooks, and a revoked token.
 */
public class HubSpotIT {
    private static final String TOKEN = "pat-eu1-hubspot-it-token-do-not-log";
    private static final String SECRET = "hubspot-it-client-secret";
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    private static KarafServer karaf;
    private static FakeHubSpot hubspot;
    private static String projectId;
    private static String apiKey;

    @BeforeClass
    public static void start() throws Exception {
        hubspot = FakeHubSpot.start(TOKEN);
        karaf = new KarafServer("hubspot-test");
        karaf.start();
        JsonNode p = KarafServer.json(karaf.admin("POST", "projects", "{\"name\":\"HubSpot Agency\"}", 201));
        projectId = p.get("id").asText();
        apiKey = p.get("api_key").asText();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (hubspot != null) {
            hubspot.close();
        }
    }

    @Test
    public void syncsByStageWebhooksAndFailures() throws Exception {
        HttpResponse<String> bad = karaf.call(apiKey, "PUT", "importers/hubspot/config", "{\"token\":\"" + TOKEN
                + "\",\"lifecycle_stages\":\"customer\"}");
        assertEquals(bad.body(), 422, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("lifecycle_stages"));
        HttpResponse<String> ok = karaf.call(apiKey, "PUT", "importers/hubspot/config",
                "{\"token\":\"" + TOKEN + "\",\"api_base\":\""
                + hubspot.url() + "\",\"lifecycle_stages\":[\"customer\"],\"webhook_secret\":\"" + SECRET
                + "\",\"sync_interval_minutes\":0}");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertFalse(ok.body().contains(TOKEN));

        for (int i = 1; i <= 150; i++) {
            hubspot.add(contact(i, "Kontakt" + i, "Muster", "kontakt" + i + "@example.com",
                    i % 5 == 0 ? "lead" : "customer", T0.plusSeconds(i), T0.plusSeconds(i)));
        }
        hubspot.rateLimitNext("SECONDLY");
        JsonNode full = karaf.sync(apiKey, "hubspot");
        assertEquals(full.toString(), "completed", full.get("status").asText());
        assertEquals(full.toString(), 120, full.get("created").asLong());
        assertEquals("Kontakt1", karaf.stored(apiKey, "kontakt1@example.com").get("first_name").asText());
        assertEquals(120, karaf.customers("hubspot-agency"));

        // Incremental: one contact changed since the last sync.
        Instant now = Instant.now();
        hubspot.add(contact(2, "Kontakt2", "Neu", "kontakt2@example.com", "customer", T0, now));
        JsonNode incremental = karaf.sync(apiKey, "hubspot");
        assertEquals(incremental.toString(), "completed", incremental.get("status").asText());
        assertEquals(incremental.toString(), 1, incremental.get("total").asLong());
        assertEquals("Neu", karaf.stored(apiKey, "kontakt2@example.com").get("last_name").asText());

        // Webhooks: the signature covers method, URL, body and timestamp.
        hubspot.add(contact(500, "Webhook", "Kontakt", "web@example.com", "customer", T0, now));
        String body = "[{\"eventId\":900,\"subscriptionType\":\"contact.creation\",\"objectId\":500,"
                + "\"portalId\":62515,\"occurredAt\":" + now.toEpochMilli() + "},{\"eventId\":901,"
                + "\"subscriptionType\":\"contact.deletion\",\"objectId\":1,\"portalId\":62515,\"occurredAt\":"
                + now.toEpochMilli() + "}]";
        String url = karaf.base() + "/api/v1/webhooks/hubspot/" + projectId;
        long ts = System.currentTimeMillis();
        HttpResponse<String> forged = webhook(body, FakeHubSpot.signV3("wrong", "POST", url, body, ts), ts);
        assertEquals(forged.body(), 400, forged.statusCode());
        HttpResponse<String> first = webhook(body, FakeHubSpot.signV3(SECRET, "POST", url, body, ts), ts);
        assertEquals(first.body(), 200, first.statusCode());
        JsonNode job = karaf.awaitJob(apiKey, KarafServer.json(first.body()).get("job").asText(), 2);
        assertEquals(job.toString(), "completed", job.get("status").asText());
        assertEquals("Webhook", karaf.stored(apiKey, "web@example.com").get("first_name").asText());
        assertEquals(0, karaf.get(apiKey, "customers?email=kontakt1@example.com").get("data").size());
        HttpResponse<String> replay = webhook(body, FakeHubSpot.signV3(SECRET, "POST", url, body, ts), ts);
        assertTrue(replay.body(), replay.body().contains("\"duplicate\""));
        long stale = ts - 10 * 60_000;
        assertEquals(400, webhook(body, FakeHubSpot.signV3(SECRET, "POST", url, body, stale), stale).statusCode());

        hubspot.acceptToken("pat-rotated");
        JsonNode revoked = karaf.sync(apiKey, "hubspot");
        assertEquals(revoked.toString(), "failed", revoked.get("status").asText());
        assertTrue(revoked.toString(), revoked.get("error").asText().startsWith("HubSpot refused the access token"));
        String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertFalse("the token is never logged", log.contains(TOKEN));
        assertFalse("the client secret is never logged", log.contains(SECRET));
    }

    private static HttpResponse<String> webhook(String body, String signature, long ts) throws Exception {
        return KarafServer.send(HttpRequest.newBuilder(karaf.uri("webhooks/hubspot/" + projectId))
                .header("Content-Type", "application/json").header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Request-Timestamp", String.valueOf(ts))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
