package de.bewertungsbox.importerhubspot.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A HubSpot-shaped HTTP server for tests and benchmarks: {@code GET /crm/v3/objects/contacts} (paging with
 * {@code after}), {@code POST /crm/v3/objects/contacts/search} (filters EQ/IN on any property, GT/GTE on
 * {@code hs_object_id} and {@code lastmodifieddate}, sorted by {@code hs_object_id}, and HubSpot's cap of 10,000
 * results per query: beyond it, 400) and {@code GET /crm/v3/objects/contacts/{id}}. Contacts are the shared fixture
 * with values replaced. Checks the bearer token and can answer the next requests with 429 (HubSpot's body, with
 * the policy given) or 5xx first.
 */
public final class FakeHubSpot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int SEARCH_CAP = 10_000;

    private record Failure(int status, String policy) {
    }

    private final HttpServer server;
    private volatile String token;
    private final List<ObjectNode> contacts = new CopyOnWriteArrayList<>();
    private volatile int generated;
    private volatile IntFunction<ObjectNode> generator;
    private final ConcurrentLinkedDeque<Failure> failures = new ConcurrentLinkedDeque<>();
    /** Every request as "METHOD path?query", in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** The bodies of search requests, in order. */
    public final List<JsonNode> searches = new CopyOnWriteArrayList<>();

    private FakeHubSpot(String token) throws IOException {
        this.token = token;
        // The JDK server leaves Nagle on by default: each response would wait for the client's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return a running server on a free loopback port accepting this token */
    public static FakeHubSpot start(String token) {
        try {
            return new FakeHubSpot(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @param token the only token accepted from now on */
    public void acceptToken(String token) {
        this.token = token;
    }

    /** Answers the next request with 429 and this policy (SECONDLY, TEN_SECONDLY_ROLLING, DAILY). */
    public void rateLimitNext(String policy) {
        failures.add(new Failure(429, policy));
    }

    /** Answers the next requests with these statuses. */
    public void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(new Failure(s, null));
        }
    }

    /** @return a contact in the fixture's shape */
    public static ObjectNode contact(long id, String first, String last, String email, String stage,
                                     Instant created, Instant modified) {
        ObjectNode c = fixture("get_contact.composed.json");
        c.put("id", String.valueOf(id));
        ObjectNode p = (ObjectNode) c.get("properties");
        p.put("hs_object_id", String.valueOf(id));
        p.put("firstname", first);
        p.put("lastname", last);
        p.put("email", email);
        p.put("lifecyclestage", stage);
        p.put("createdate", created.toString());
        p.put("lastmodifieddate", modified.toString());
        p.putNull("phone");
        c.put("createdAt", created.toString());
        c.put("updatedAt", modified.toString());
        return c;
    }

    public static ObjectNode fixture(String name) {
        try (InputStream in = FakeHubSpot.class.getResourceAsStream("/hubspot/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces contacts (by id). */
    public FakeHubSpot add(ObjectNode... cs) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ObjectNode c : cs) {
            ids.add(c.get("id").asText());
        }
        contacts.removeIf(x -> ids.contains(x.get("id").asText()));
        contacts.addAll(List.of(cs));
        return this;
    }

    /** Removes a contact (as HubSpot does after a deletion). */
    public void remove(long id) {
        contacts.removeIf(x -> x.get("id").asText().equals(String.valueOf(id)));
    }

    /** Serves {@code n} generated contacts (ids 1..n) instead of added ones (benchmarks). */
    public void generate(int n, IntFunction<ObjectNode> make) {
        this.generated = n;
        this.generator = make;
    }

    /**
     * Signs a webhook delivery as HubSpot does (v3).
     *
     * @return the {@code X-HubSpot-Signature-v3} value
     */
    public static String signV3(String secret, String method, String uri, String body, long timestampMs) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal((method + uri + body + timestampMs)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private List<ObjectNode> all() {
        if (generator != null) {
            return new java.util.AbstractList<>() {
                @Override public ObjectNode get(int i) { return generator.apply(i + 1); }
                @Override public int size() { return generated; }
            };
        }
        List<ObjectNode> sorted = new ArrayList<>(contacts);
        sorted.sort(Comparator.comparingLong(c -> Long.parseLong(c.get("id").asText())));
        return sorted;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawQuery();
            String path = ex.getRequestURI().getPath();
            requests.add(ex.getRequestMethod() + " " + path + (raw == null ? "" : "?" + raw));
            byte[] in = ex.getRequestBody().readAllBytes();
            Failure f = failures.poll();
            if (f != null) {
                if (f.status() == 429) {
                    ObjectNode body = fixture("error_429_secondly.composed.json");
                    body.put("policyName", f.policy());
                    if ("TEN_SECONDLY_ROLLING".equals(f.policy())) {
                        body.put("message", "You have reached your ten_secondly_rolling limit.");
                        ex.getResponseHeaders().set("X-HubSpot-RateLimit-Interval-Milliseconds", "300");
                    } else if ("DAILY".equals(f.policy())) {
                        body.put("message", "You have reached your daily limit.");
                    }
                    send(ex, 429, body);
                } else {
                    send(ex, f.status(), error("internal error"));
                }
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + token)) {
                send(ex, 401, error("Authentication credentials not found. This API supports OAuth 2.0 "
                        + "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
                return;
            }
            Map<String, String> q = query(raw);
            if ("GET".equals(ex.getRequestMethod()) && "/crm/v3/objects/contacts".equals(path)) {
                page(ex, all(), c -> true, Integer.parseInt(q.getOrDefault("limit", "10")),
                        Integer.parseInt(q.getOrDefault("after", "0")), false);
            } else if ("POST".equals(ex.getRequestMethod()) && "/crm/v3/objects/contacts/search".equals(path)) {
                JsonNode body = JSON.readTree(in);
                searches.add(body);
                int limit = body.path("limit").asInt(10);
                int after = Integer.parseInt(body.path("after").asText("0"));
                if (limit > 200) {
                    send(ex, 400, error("limit must be at most 200"));
                } else if (after + limit > SEARCH_CAP) {
                    send(ex, 400, error("Search results are limited to 10,000 (after=" + after + ")"));
                } else {
                    page(ex, all(), matches(body), limit, after, true);
                }
            } else if ("GET".equals(ex.getRequestMethod()) && path.startsWith("/crm/v3/objects/contacts/")) {
                String id = path.substring("/crm/v3/objects/contacts/".length());
                ObjectNode c = all().stream().filter(x -> x.get("id").asText().equals(id)).findFirst().orElse(null);
                if (c == null) {
                    send(ex, 404, error("Object not found.  objectId are usually numeric."));
                } else {
                    send(ex, 200, c);
                }
            } else {
                send(ex, 404, error("no route " + path));
            }
        } catch (RuntimeException e) {
            send(ex, 500, error(e.toString()));
        }
    }

    private static Predicate<ObjectNode> matches(JsonNode body) {
        List<Predicate<ObjectNode>> all = new ArrayList<>();
        for (JsonNode f : body.path("filterGroups").path(0).path("filters")) {
            String prop = f.path("propertyName").asText();
            String op = f.path("operator").asText();
            switch (op) {
                case "EQ" -> all.add(c -> f.path("value").asText().equals(c.path("properties").path(prop).asText()));
                case "IN" -> {
                    List<String> values = new ArrayList<>();
                    f.path("values").forEach(v -> values.add(v.asText()));
                    all.add(c -> values.contains(c.path("properties").path(prop).asText()));
                }
                case "GT", "GTE" -> {
                    long bound = number(f.path("value").asText());
                    all.add(c -> {
                        long v = number(c.path("properties").path(prop).asText());
                        return "GT".equals(op) ? v > bound : v >= bound;
                    });
                }
                default -> throw new IllegalArgumentException("operator " + op + " not faked");
            }
        }
        return c -> all.stream().allMatch(p -> p.test(c));
    }

    /** Numbers, or ISO times as epoch milliseconds. */
    private static long number(String s) {
        if (s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        return Instant.parse(s).toEpochMilli();
    }

    private static void page(HttpExchange ex, List<ObjectNode> all, Predicate<ObjectNode> filter, int limit,
                             int after, boolean search) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = JSON.createArrayNode();
        if (!search) {
            // The list API has no filter: go straight to the page (generated portals are large).
            int to = Math.min(all.size(), after + limit);
            for (int i = after; i < to; i++) {
                results.add(all.get(i));
            }
            out.set("results", results);
            if (to < all.size()) {
                out.putObject("paging").putObject("next").put("after", String.valueOf(to)).put("link", "?after=" + to);
            }
            send(ex, 200, out);
            return;
        }
        int seen = 0;
        int total = 0;
        boolean more = false;
        for (ObjectNode c : all) {
            if (!filter.test(c)) {
                continue;
            }
            total++;
            if (seen++ < after) {
                continue;
            }
            if (results.size() < limit) {
                results.add(c);
            } else {
                more = true;
                if (!search) {
                    break;
                }
            }
        }
        if (search) {
            out.put("total", total);
        }
        out.set("results", results);
        if (more) {
            String next = String.valueOf(after + limit);
            out.putObject("paging").putObject("next").put("after", next).put("link", "?after=" + next);
        }
        send(ex, 200, out);
    }

    private static ObjectNode error(String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("status", "error");
        e.put("message", message);
        e.put("correlationId", "00000000-0000-0000-0000-000000000000");
        e.put("category", "VALIDATION_ERROR");
        return e;
    }

    private static void send(HttpExchange ex, int status, JsonNode json) throws IOException {
        byte[] b = JSON.writeValueAsBytes(json);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }
}
