package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API in a real Karaf, over real HTTP: authentication and project isolation, every kind of bad input,
 * batches, charges, uploads, importers appearing live, secrets, and the OpenAPI document against the resources
 * actually registered.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestIT extends ItestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Override
    protected Option[] extraOptions() {
        Option[] admin = adminAccount();
        return new Option[] {admin[0], admin[1],
            editConfigurationFilePut("etc/de.bewertungsbox.core.cfg", "max_upload_mb", "1")};
    }

    private static Http admin() {
        return Http.admin("admin", ADMIN_PASSWORD);
    }

    private static JsonNode json(Http.Answer a) throws Exception {
        return JSON.readTree(a.body());
    }

    /** Creates a project through the API; returns its key client and id. */
    private record Tenant(Http http, String id, String key) {
    }

    /** Waits until the whiteboard serves our application (it registers asynchronously after boot). */
    private void awaitRest() throws Exception {
        service(de.bewertungsbox.api.customer.CustomerStore.class);
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        while (Http.anonymous().get("health").status() != 200 || Http.anonymous().get("me").status() != 401) {
            assertTrue("the REST API did not come up", System.nanoTime() < deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    private Tenant tenant(String name) throws Exception {
        awaitRest();
        Http.Answer a = admin().json("POST", "projects", "{\"name\":\"" + name + " " + UUID.randomUUID() + "\"}");
        assertEquals(a.body(), 201, a.status());
        JsonNode p = json(a);
        assertTrue(p.get("bcc_address").asText().endsWith("@bcc.bewertungsbox.local"));
        return new Tenant(Http.key(p.get("api_key").asText()), p.get("id").asText(), p.get("api_key").asText());
    }

    private static void assertProblem(Http.Answer a, int status) throws Exception {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.header("Content-Type"), a.header("Content-Type").startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(a.body());
        assertEquals(status, p.get("status").asInt());
        assertFalse("no class names or stack traces: " + a.body(),
                a.body().matches("(?s).*(\\bat [a-z]+\\.|Exception|\\.java|org\\.apache|com\\.fasterxml).*"));
    }

    @Test
    public void keysAdminsAndProjectIsolation() throws Exception {
        awaitRest();
        assertEquals(200, Http.anonymous().get("health").status());
        assertProblem(Http.anonymous().get("me"), 401);
        assertEquals("Bearer realm=\"bewertungsbox\", Basic realm=\"karaf\"",
                Http.anonymous().get("me").header("WWW-Authenticate"));
        assertProblem(Http.key("bb_nope_nope").get("me"), 401);
        assertProblem(Http.admin("admin", "wrong").get("projects"), 401);

        Tenant a = tenant("A");
        Tenant b = tenant("B");
        assertEquals(a.id(), json(a.http().get("me")).get("project_id").asText());
        assertProblem(a.http().get("projects"), 403);
        assertProblem(a.http().json("POST", "projects", "{\"name\":\"x\"}"), 403);

        JsonNode anna = json(a.http().json("POST", "customers", "{\"first_name\":\"Anna\",\"email\":\"anna@example.com\"}"));
        String annaId = anna.get("id").asText();
        assertProblem(b.http().get("customers/" + annaId), 404);
        assertProblem(b.http().json("PATCH", "customers/" + annaId, "{\"company\":\"Evil\"}"), 404);
        assertProblem(b.http().delete("customers/" + annaId), 404);
        assertProblem(b.http().json("POST", "charges", "{\"customer_id\":\"" + annaId + "\",\"amount\":100,\"currency\":\"eur\"}"), 404);
        assertProblem(b.http().get("customers/" + annaId + "/charges"), 404);
        assertProblem(a.http().get("me?project=" + b.id()), 404);
        String job = json(a.http().post("imports/csv", "text/csv", "first_name,email\nA,x@example.com\n")).get("id").asText();
        assertProblem(b.http().get("imports/" + job), 404);
        assertProblem(b.http().get("imports/" + job + "/rejected.csv"), 404);
        assertProblem(b.http().delete("imports/" + job), 404);
        assertEquals(0, json(b.http().get("imports")).get("data").size());
        JsonNode still = json(a.http().get("customers/" + annaId));
        assertTrue(still.get("company").isNull());
        assertEquals(0, still.get("charge_count").asInt());

        assertEquals(a.id(), json(admin().get("me?project=" + a.id())).get("project_id").asText());
        assertProblem(admin().get("customers"), 422);

        Http.Answer created = admin().json("POST", "projects/" + a.id() + "/api-keys", "{\"label\":\"zapier\"}");
        assertEquals(201, created.status());
        String second = json(created).get("api_key").asText();
        String keyId = json(created).get("id").asText();
        assertEquals(200, Http.key(second).get("me").status());
        Http.Answer keys = admin().get("projects/" + a.id() + "/api-keys");
        assertFalse("key secrets are never listed", keys.body().contains(second));
        assertEquals(204, admin().delete("projects/" + a.id() + "/api-keys/" + keyId).status());
        assertProblem(Http.key(second).get("me"), 401);
        assertEquals(200, a.http().get("me").status());
    }

    @Test
    public void badInputIsAClearProblemNeverAStackTrace() throws Exception {
        Tenant t = tenant("Bad input");
        assertProblem(t.http().json("POST", "customers", "{\"first_name\": \"Anna\", "), 400);
        assertProblem(t.http().json("POST", "customers", ""), 400);
        assertProblem(t.http().post("customers", "application/xml", "<customer/>"), 415);
        Http.Answer types = t.http().json("POST", "customers", "{\"first_name\":[1],\"email\":{\"a\":1},"
                + "\"has_subscription\":\"vielleicht\",\"signed_up_at\":\"gestern\"}");
        assertProblem(types, 422);
        Set<String> fields = new HashSet<>();
        json(types).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("first_name", "email", "has_subscription", "signed_up_at"), fields);
        Http.Answer missing = t.http().json("POST", "customers", "{\"first_name\":\"Karl\"}");
        assertProblem(missing, 422);
        assertEquals("contact", json(missing).get("errors").get(0).get("field").asText());
        assertProblem(t.http().get("customers?limit=5000"), 422);
        assertProblem(t.http().get("customers/not-a-uuid"), 404);
        assertProblem(t.http().json("PUT", "customers", "{}"), 405);
        assertProblem(t.http().get("no/such/thing"), 404);
        assertProblem(t.http().json("POST", "charges", "{\"email\":\"x@example.com\",\"amount\":\"zehn\",\"currency\":\"eur\"}"), 422);
        byte[] big = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        assertProblem(t.http().post("imports/csv", "text/csv", big), 413);
    }

    @Test
    public void aBatchStoresTheValidItemsAndReportsTheInvalidOnesByIndex() throws Exception {
        Tenant t = tenant("Batch");
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 1_000; i++) {
            b.append(i == 0 ? "" : ",");
            if (i % 100 == 7) {
                b.append("{\"first_name\":\"X\",\"email\":\"broken-").append(i).append("\"}");
            } else {
                b.append("{\"first_name\":\"Kunde\",\"email\":\"k").append(i).append("@example.com\"}");
            }
        }
        Http.Answer r = t.http().json("POST", "customers", b.append("]").toString());
        assertEquals(r.body(), 200, r.status());
        JsonNode result = json(r);
        assertEquals(990, result.get("created").asInt());
        assertEquals(10, result.get("rejected").asInt());
        assertEquals(107, result.get("errors").get(1).get("index").asInt());
        assertEquals("email", result.get("errors").get(1).get("field").asText());
        JsonNode page = json(t.http().get("customers?limit=1000"));
        assertEquals(990, page.get("data").size());
        assertFalse(page.get("has_more").asBoolean());
        JsonNode first = json(t.http().get("customers?limit=400"));
        assertTrue(first.get("has_more").asBoolean());
        JsonNode rest = json(t.http().get("customers?limit=1000&after=" + first.get("next_cursor").asText()));
        assertEquals(590, rest.get("data").size());
        assertEquals(1, json(t.http().get("customers?email=k5@example.com")).get("data").size());
    }

    @Test
    public void connectorsChargesAndPatches() throws Exception {
        Tenant t = tenant("Connectors");
        Http.Answer form = t.http().post("customers?source=zapier", "application/x-www-form-urlencoded",
                "name=Anna+Maria+Schmidt&email=anna%40example.com&phone=0171+1234567");
        assertEquals(form.body(), 201, form.status());
        JsonNode anna = json(form);
        assertEquals("Anna Maria", anna.get("first_name").asText());
        assertEquals("Schmidt", anna.get("last_name").asText());
        assertEquals("zapier", anna.get("sources").get(0).asText());
        assertEquals(200, t.http().post("customers", "application/x-www-form-urlencoded",
                "name=Anna+Maria+Schmidt&email=ANNA%40example.com").status());

        String charge = "{\"email\":\"anna@example.com\",\"amount\":2500,\"currency\":\"EUR\",\"external_id\":\"ch_1\"}";
        assertEquals(201, t.http().json("POST", "charges", charge).status());
        assertEquals(200, t.http().json("POST", "charges", charge).status());
        assertEquals(201, t.http().post("charges", "application/x-www-form-urlencoded",
                "email=anna%40example.com&amount=-500&currency=eur&external_id=re_1").status());
        assertProblem(t.http().json("POST", "charges", "{\"email\":\"nobody@example.com\",\"amount\":1,\"currency\":\"eur\"}"), 404);
        String id = anna.get("id").asText();
        JsonNode after = json(t.http().get("customers/" + id));
        assertEquals(1, after.get("charge_count").asInt());
        assertEquals(2000, after.get("total_spent").get("eur").asLong());
        assertEquals(2, json(t.http().get("customers/" + id + "/charges")).get("data").size());

        JsonNode patched = json(t.http().json("PATCH", "customers/" + id, "{\"company\":\"ACME\",\"email\":\"anna@acme.example\"}"));
        assertEquals("ACME", patched.get("company").asText());
        assertEquals("anna@acme.example", patched.get("email").asText());
        assertEquals(204, t.http().delete("customers/" + id).status());
        assertProblem(t.http().get("customers/" + id), 404);
    }

    @Test
    public void csvUploadsRawAndMultipartWithReportRejectedRowsAndCancel() throws Exception {
        Tenant t = tenant("Uploads");
        byte[] csv = "Vorname;Nachname;E-Mail\r\nJürgen;Müller;j@example.de\r\n;Ohne;o@example.de\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Http.Answer raw = t.http().post("imports/csv", "text/csv", csv);
        assertEquals(raw.body(), 202, raw.status());
        String job = json(raw).get("id").asText();
        assertTrue(raw.header("Location"), raw.header("Location").endsWith("/api/v1/imports/" + job));
        JsonNode done = awaitJob(t.http(), job);
        assertEquals("completed", done.get("status").asText());
        assertEquals(1, done.get("created").asInt());
        assertEquals(3, done.get("errors").get(0).get("row").asInt());
        Http.Answer rejected = t.http().get("imports/" + job + "/rejected.csv");
        assertTrue(rejected.header("Content-Type"), rejected.header("Content-Type").startsWith("text/csv"));
        assertTrue(rejected.body(), rejected.body().contains("\"\",Ohne,o@example.de,first_name: is required"));

        String boundary = "----bb" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nfirst_name,email\r\nBen,ben@example.com\r\n\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\ntrue\r\n--" + boundary + "--\r\n";
        Http.Answer mp = t.http().post("imports/csv", "multipart/form-data; boundary=" + boundary,
                multipart.getBytes(StandardCharsets.UTF_8));
        assertEquals(mp.body(), 202, mp.status());
        JsonNode dry = awaitJob(t.http(), json(mp).get("id").asText());
        assertTrue(dry.get("dry_run").asBoolean());
        assertEquals(1, dry.get("created").asInt());
        assertEquals(1, json(t.http().get("customers")).get("data").size());
        assertEquals(2, json(t.http().get("imports")).get("data").size());
        assertProblem(t.http().delete("imports/" + UUID.randomUUID()), 404);
        assertEquals("completed", json(t.http().delete("imports/" + job)).get("status").asText());
    }

    @Test
    public void theStrategyIsReplacedWholeOrNotAtAll() throws Exception {
        Tenant t = tenant("Strategy");
        JsonNode defaults = json(t.http().get("strategy"));
        assertFalse(defaults.get("enabled").asBoolean());
        assertEquals("signup", defaults.get("trigger").asText());
        String good = "{\"enabled\":true,\"trigger\":\"last_charge\",\"delay\":{\"amount\":2,\"unit\":\"days\"},"
                + "\"channels\":[\"email\"],\"send_window\":{\"time_zone\":\"Europe/Berlin\",\"days\":[\"mon\",\"tue\"],"
                + "\"from\":\"09:00\",\"to\":\"17:00\"},\"reminders\":[{\"amount\":5,\"unit\":\"days\"}],"
                + "\"conditions\":{\"min_charges\":3,\"currency\":\"eur\"}}";
        Http.Answer put = t.http().json("PUT", "strategy", good);
        assertEquals(put.body(), 200, put.status());
        JsonNode saved = json(t.http().get("strategy"));
        assertEquals(3, saved.get("conditions").get("min_charges").asInt());
        assertEquals("[\"mon\",\"tue\"]", saved.get("send_window").get("days").toString());

        Http.Answer bad = t.http().json("PUT", "strategy", "{\"delay\":{\"amount\":-1,\"unit\":\"fortnights\"},"
                + "\"send_window\":{\"time_zone\":\"Nowhere/Land\",\"days\":[\"mon\"],\"from\":\"18:00\",\"to\":\"09:00\"},"
                + "\"reminders\":[{\"amount\":1,\"unit\":\"days\"},{\"amount\":1,\"unit\":\"days\"},"
                + "{\"amount\":1,\"unit\":\"days\"},{\"amount\":1,\"unit\":\"days\"}]}");
        assertEquals(bad.body(), 422, bad.status());
        assertTrue(bad.body(), bad.body().contains("delay.unit"));
        Http.Answer semantic = t.http().json("PUT", "strategy", "{\"delay\":{\"amount\":-1,\"unit\":\"days\"},"
                + "\"send_window\":{\"time_zone\":\"Nowhere/Land\",\"days\":[\"mon\"],\"from\":\"18:00\",\"to\":\"09:00\"},"
                + "\"reminders\":[{\"amount\":1,\"unit\":\"days\"},{\"amount\":1,\"unit\":\"days\"},"
                + "{\"amount\":1,\"unit\":\"days\"},{\"amount\":1,\"unit\":\"days\"}]}");
        assertEquals(semantic.body(), 422, semantic.status());
        for (String field : new String[] {"delay.amount", "send_window.time_zone", "send_window.from", "reminders"}) {
            assertTrue(field + " in " + semantic.body(), semantic.body().contains("\"" + field + "\""));
        }
        assertEquals("the old strategy stays", saved, json(t.http().get("strategy")));

        // Eligibility under the saved strategy: last payment + 2 days, at least 3 payments.
        Http.Answer created = t.http().json("POST", "customers", "{\"first_name\":\"Eli\",\"email\":\"eli@example.com\"}");
        String id = json(created).get("id").asText();
        t.http().json("POST", "charges", "{\"customer_id\":\"" + id + "\",\"amount\":1500,\"currency\":\"eur\"}");
        JsonNode e = json(t.http().get("customers/" + id + "/eligibility"));
        assertFalse(e.toString(), e.get("eligible").asBoolean());
        boolean explained = false;
        for (JsonNode r : e.get("reasons")) {
            if ("min_charges".equals(r.get("condition").asText())) {
                assertEquals("1 charge, 3 required", r.get("explanation").asText());
                explained = !r.get("met").asBoolean();
            }
        }
        assertTrue(e.toString(), explained);
        assertTrue(e.get("next_send_at").isNull());
        assertEquals(404, t.http().get("customers/" + UUID.randomUUID() + "/eligibility").status());
    }

    @Test
    public void importersAreListedLiveAndSecretsAreWriteOnly() throws Exception {
        Tenant t = tenant("Importers");
        JsonNode list = json(t.http().get("importers"));
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(i -> ids.add(i.get("id").asText()));
        assertEquals("ordered by id", List.of("bcc", "csv", "hubspot", "stripe"), ids);
        JsonNode csv = list.get("data").get(1);
        assertEquals("push", csv.get("kind").asText());
        assertTrue(csv.get("configured").asBoolean());
        assertEquals("pull", list.get("data").get(3).get("kind").asText());
        assertFalse("not configured in this project", list.get("data").get(3).get("configured").asBoolean());
        Bundle plugin = bundleContext.installBundle("mvn:de.bewertungsbox/test-importer/"
                + System.getProperty("bb.itest.version"));
        plugin.start();
        try {
            JsonNode gen = null;
            for (int i = 0; i < 200 && gen == null; i++) {
                for (JsonNode n : json(t.http().get("importers")).get("data")) {
                    if (n.get("id").asText().equals("test-generator")) {
                        gen = n;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(25_000_000);
            }
            assertNotNull("a runtime-installed importer is listed", gen);
            assertEquals("pull", gen.get("kind").asText());
            assertFalse(gen.get("configured").asBoolean());
            assertProblem(t.http().json("POST", "importers/test-generator/sync", ""), 409);
            String secret = "sk_live_" + UUID.randomUUID().toString().replace("-", "");
            Http.Answer put = t.http().json("PUT", "importers/test-generator/config",
                    "{\"api_key\":\"" + secret + "\",\"rows\":\"50\"}");
            assertEquals(put.body(), 200, put.status());
            assertFalse("a secret is never returned", put.body().contains(secret));
            assertEquals("api_key", json(put).get("secrets_set").get(0).asText());
            Http.Answer again = t.http().json("PUT", "importers/test-generator/config", "{\"rows\":\"60\"}");
            assertEquals("a secret left out keeps its value", "api_key", json(again).get("secrets_set").get(0).asText());
            Http.Answer sync = t.http().json("POST", "importers/test-generator/sync", "");
            assertEquals(sync.body(), 202, sync.status());
            assertFalse(t.http().get("importers").body().contains(secret));
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            assertFalse("a secret never reaches the log", Files.readString(log).contains(secret));
        } finally {
            plugin.uninstall();
        }
        for (Iterator<JsonNode> it = json(t.http().get("importers")).get("data").elements(); it.hasNext(); ) {
            assertFalse(it.next().get("id").asText().equals("test-generator"));
        }
    }

    @Test
    public void theOpenApiDocumentListsExactlyTheRegisteredEndpoints() throws Exception {
        awaitRest();
        JsonNode doc = json(Http.anonymous().get("openapi.json"));
        Set<String> documented = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
                m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> registered = new HashSet<>();
        JaxrsServiceRuntime runtime = service(JaxrsServiceRuntime.class);
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (!"bewertungsbox".equals(app.name)) {
                continue;
            }
            for (ResourceDTO r : app.resourceDTOs) {
                for (ResourceMethodInfoDTO m : r.resourceMethods) {
                    String path = m.path.startsWith("/") ? m.path : "/" + m.path;
                    registered.add(m.method + " " + path.replaceAll("\\{(\\w+)(:[^}]*)?}", "{$1}"));
                }
            }
        }
        assertTrue("resources registered: " + registered, registered.size() >= 20);
        assertEquals("documented = registered", new java.util.TreeSet<>(registered), new java.util.TreeSet<>(documented));
    }

    private static JsonNode awaitJob(Http http, String job) throws Exception {
        for (int i = 0; i < 1_000; i++) {
            JsonNode j = json(http.get("imports/" + job));
            if (!j.get("finished_at").isNull()) {
                return j;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        throw new AssertionError("job " + job + " did not finish");
    }
}
