package de.bewertungsbox.importerstripe.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Stripe-shaped HTTP server for tests and benchmarks: {@code GET /v1/customers}, {@code /v1/charges},
 * {@code /v1/subscriptions}, {@code /v1/events} (lists with {@code limit}, {@code starting_after}, {@code has_more}
 * and {@code url}, newest first, filters {@code customer}, {@code status}, {@code created[gte]}, {@code types[n]},
 * brackets percent-encoded or not) and {@code GET /v1/customers/{id}}. Objects are the shared fixtures with ids,
 * names and amounts replaced. Checks the bearer key (401 with Stripe's error shape otherwise) and can answer the next
 * requests with a given status (429, 500) first. Objects may also be generated on the fly for large benchmarks.
 */
public final class FakeStripe implements AutoCloseable {
    private static final Gson GSON = new Gson();

    /** Objects of one list, newest first. */
    public interface Listing {
        int size();

        /** @return object i as JSON */
        String json(int i);

        /** @return the index of the object with this id, or -1 */
        int indexOf(String id);
    }

    private final HttpServer server;
    private volatile String apiKey;
    private final List<JsonObject> customers = new CopyOnWriteArrayList<>();
    private final List<JsonObject> charges = new CopyOnWriteArrayList<>();
    private final List<JsonObject> subscriptions = new CopyOnWriteArrayList<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private volatile Listing generatedCustomers;
    private volatile Listing generatedCharges;
    private volatile Listing generatedSubscriptions;
    private final ConcurrentLinkedDeque<Integer> failures = new ConcurrentLinkedDeque<>();
    /** Every request as "METHOD path?query", in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    private FakeStripe(String apiKey) throws IOException {
        this.apiKey = apiKey;
        // The JDK server leaves Nagle on by default: each response would wait for the client's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param apiKey the only key accepted
     * @return a running server on a free loopback port
     */
    public static FakeStripe start(String apiKey) {
        try {
            return new FakeStripe(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the base URL, for {@code api_base} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @param key the key accepted from now on (the old one is "revoked") */
    public void acceptKey(String key) {
        this.apiKey = key;
    }

    /** @param statuses answer the next requests with these statuses, in order, before answering normally */
    public void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    // ---- objects built from the fixtures ----

    /** @return a customer object (fixture shape) */
    public static JsonObject customer(String id, String name, String email, String phone, long created) {
        JsonObject c = fixture("customer.json");
        c.addProperty("id", id);
        c.addProperty("name", name);
        c.addProperty("email", email);
        c.addProperty("phone", phone);
        c.addProperty("created", created);
        return c;
    }

    /** @return a succeeded, captured charge object (fixture shape) */
    public static JsonObject charge(String id, String customer, long amount, long refunded, String currency,
                                    long created) {
        JsonObject c = fixture("charge.json");
        c.addProperty("id", id);
        c.addProperty("customer", customer);
        c.addProperty("amount", amount);
        c.addProperty("amount_captured", amount);
        c.addProperty("captured", true);
        c.addProperty("amount_refunded", refunded);
        c.addProperty("refunded", refunded >= amount);
        c.addProperty("currency", currency);
        c.addProperty("created", created);
        c.addProperty("status", "succeeded");
        return c;
    }

    /** @return a subscription object (fixture shape) */
    public static JsonObject subscription(String id, String customer, String status, long created) {
        JsonObject s = fixture("subscription.json");
        s.addProperty("id", id);
        s.addProperty("customer", customer);
        s.addProperty("status", status);
        s.addProperty("created", created);
        return s;
    }

    /** @return an event envelope (fixture shape) around an object */
    public static JsonObject event(String id, String type, JsonObject object, long created) {
        JsonObject e = fixture("events/customer.created.json");
        e.addProperty("id", id);
        e.addProperty("type", type);
        e.addProperty("created", created);
        e.getAsJsonObject("data").add("object", object);
        return e;
    }

    /**
     * @param name a file under {@code stripe/} of the test resources
     * @return it parsed
     */
    public static JsonObject fixture(String name) {
        try (InputStream in = FakeStripe.class.getResourceAsStream("/stripe/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs a webhook payload as Stripe does: {@code t=<time>,v1=hex(HMAC-SHA256(secret, "<time>.<payload>"))}.
     *
     * @return the {@code Stripe-Signature} header value
     */
    public static String sign(String payload, String secret, long unixSeconds) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + java.util.HexFormat.of().formatHex(h);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds objects; lists serve them newest (last added) first. */
    public FakeStripe add(JsonObject... objects) {
        for (JsonObject o : objects) {
            String kind = o.get("object").getAsString();
            List<JsonObject> target = switch (kind) {
                case "customer" -> customers;
                case "charge" -> charges;
                case "subscription" -> subscriptions;
                case "event" -> events;
                default -> throw new IllegalArgumentException("no list for " + kind);
            };
            String id = o.get("id").getAsString();
            target.removeIf(x -> x.get("id").getAsString().equals(id));
            target.add(0, o);
        }
        return this;
    }

    /** Serves generated customers, charges and subscriptions instead of added ones (benchmarks). */
    public void generate(Listing customerListing, Listing chargeListing, Listing subscriptionListing) {
        this.generatedCustomers = customerListing;
        this.generatedCharges = chargeListing;
        this.generatedSubscriptions = subscriptionListing;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawQuery();
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + (raw == null ? "" : "?" + raw));
            Integer fail = failures.poll();
            if (fail != null) {
                error(ex, fail, fail == 429 ? "rate_limit" : "api_error",
                        fail == 429 ? "Too many requests hit the API too quickly." : "Something went wrong.");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + apiKey)) {
                error(ex, 401, "invalid_request_error", "Invalid API Key provided: " + mask(auth));
                return;
            }
            Map<String, List<String>> q = query(raw);
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/v1/customers" -> list(ex, path, q, generatedCustomers != null ? generatedCustomers
                        : listing(customers, x -> true));
                case "/v1/charges" -> list(ex, path, q, generatedCharges != null ? generatedCharges
                        : listing(charges, x -> true));
                case "/v1/subscriptions" -> list(ex, path, q, generatedSubscriptions != null ? generatedSubscriptions
                        : listing(subscriptions, s -> {
                    String customer = first(q, "customer");
                    String status = first(q, "status");
                    boolean statusOk = "all".equals(status) || (status == null
                            ? !"canceled".equals(s.get("status").getAsString())
                            : status.equals(s.get("status").getAsString()));
                    return statusOk && (customer == null || customer.equals(s.get("customer").getAsString()));
                }));
                case "/v1/events" -> {
                    String gte = first(q, "created[gte]");
                    List<String> types = new ArrayList<>();
                    q.forEach((k, v) -> {
                        if (k.startsWith("types[")) {
                            types.addAll(v);
                        }
                    });
                    list(ex, path, q, listing(events, e -> (gte == null
                            || e.get("created").getAsLong() >= Long.parseLong(gte))
                            && (types.isEmpty() || types.contains(e.get("type").getAsString()))));
                }
                default -> {
                    if (path.startsWith("/v1/customers/")) {
                        String id = path.substring("/v1/customers/".length());
                        JsonObject c = customers.stream().filter(x -> x.get("id").getAsString().equals(id))
                                .findFirst().orElse(null);
                        if (c == null) {
                            error(ex, 404, "invalid_request_error", "No such customer: '" + id + "'");
                        } else {
                            send(ex, 200, GSON.toJson(c));
                        }
                    } else {
                        error(ex, 404, "invalid_request_error", "Unrecognized request URL (GET: " + path + ")");
                    }
                }
            }
        } catch (RuntimeException e) {
            error(ex, 500, "api_error", e.toString());
        }
    }

    private static Listing listing(List<JsonObject> all, Predicate<JsonObject> filter) {
        List<JsonObject> objects = all.stream().filter(filter).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            index.put(objects.get(i).get("id").getAsString(), i);
        }
        return new Listing() {
            @Override public int size() { return objects.size(); }
            @Override public String json(int i) { return GSON.toJson(objects.get(i)); }
            @Override public int indexOf(String id) { return index.getOrDefault(id, -1); }
        };
    }

    private static void list(HttpExchange ex, String path, Map<String, List<String>> q, Listing listing)
            throws IOException {
        int limit = first(q, "limit") == null ? 10 : Integer.parseInt(first(q, "limit"));
        if (limit < 1 || limit > 100) {
            error(ex, 400, "invalid_request_error", "This value must be between 1 and 100 (limit)");
            return;
        }
        String after = first(q, "starting_after");
        int from = 0;
        if (after != null) {
            int i = listing.indexOf(after);
            if (i < 0) {
                error(ex, 400, "invalid_request_error", "No such object: '" + after + "'");
                return;
            }
            from = i + 1;
        }
        int to = Math.min(listing.size(), from + limit);
        StringBuilder sb = new StringBuilder(4096 * (to - from) + 100).append("{\"object\":\"list\",\"data\":[");
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : ",").append(listing.json(i));
        }
        sb.append("],\"has_more\":").append(to < listing.size()).append(",\"url\":\"").append(path).append("\"}");
        send(ex, 200, sb.toString());
    }

    private static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        JsonObject err = new JsonObject();
        err.addProperty("type", type);
        err.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", err);
        send(ex, status, GSON.toJson(body));
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Request-Id", "req_fake");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static String mask(String auth) {
        if (auth == null) {
            return "none";
        }
        String k = auth.replaceFirst("^Bearer ", "");
        return k.length() > 8 ? k.substring(0, 8) + "****" + k.substring(k.length() - 4) : "****";
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.getOrDefault(name, Collections.emptyList());
        return v.isEmpty() ? null : v.get(0);
    }
}
