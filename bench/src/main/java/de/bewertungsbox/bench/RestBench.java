package de.bewertungsbox.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running server's REST API over loopback HTTP: batch creates of 10,000 customers per request, and single
 * creates from 32 concurrent clients with latency percentiles. Start the server with {@code bench/rest-run}, which
 * calls this.
 */
final class RestBench {
    private final String base;
    private final String adminAuth;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    RestBench(String url, String admin) {
        this.base = url.endsWith("/") ? url : url + "/";
        this.adminAuth = "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8));
    }

    private String newKey(String name) throws Exception {
        HttpResponse<String> r = send(adminAuth, "POST", "projects", "{\"name\":\"" + name + "\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("could not create a project: " + r.statusCode() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"api_key\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no api_key in " + r.body());
        }
        return "Bearer " + m.group(1);
    }

    private HttpResponse<String> send(String auth, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(5));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String customer(int i) {
        return "{\"first_name\":\"" + Rows.first(i) + "\",\"last_name\":\"" + Rows.last(i) + "\",\"email\":\""
                + Rows.email(i) + "\",\"phone\":\"0171 " + String.format("%07d", i % 10_000_000)
                + "\",\"signed_up_at\":\"" + Rows.signedUp(i % 1_000_000) + "\"}";
    }

    /** POSTs {@code total} customers in arrays of {@code batch} from {@code clients} connections. */
    String batches(String dbName, int total, int batch, int clients) throws Exception {
        String key = newKey("REST batch bench " + System.nanoTime());
        send(key, "POST", "customers", "[" + customer(0) + "]");
        int requests = (total + batch - 1) / batch;
        // Bodies are built before the clock starts: the client shares this machine's cores with the server.
        List<String> bodies = new ArrayList<>(requests);
        for (int r = 0; r < requests; r++) {
            StringBuilder sb = new StringBuilder(batch * 160).append('[');
            for (int i = r * batch; i < Math.min(total, (r + 1) * batch); i++) {
                sb.append(i == r * batch ? "" : ",").append(customer(i + 1));
            }
            bodies.add(sb.append(']').toString());
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                int created = 0;
                for (int r; (r = next.getAndIncrement()) < requests; ) {
                    HttpResponse<String> resp = send(key, "POST", "customers", bodies.get(r));
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException(resp.statusCode() + " " + resp.body());
                    }
                    Matcher m = Pattern.compile("\"created\":(\\d+)").matcher(resp.body());
                    created += m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
                return created;
            }));
        }
        int created = 0;
        try {
            for (Future<Integer> f : done) {
                created += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (created != total) {
            throw new IllegalStateException("created " + created + " of " + total);
        }
        return String.format(Locale.ROOT, "%-20s %-40s %,10d rows %7.2f s %,9.0f customers/s  (%d client%s, %,d per request)",
                dbName, "REST batch create", total, s, total / s, clients, clients == 1 ? "" : "s", batch);
    }

    /** Single creates from {@code clients} concurrent clients, {@code perClient} each. */
    String singles(String dbName, int clients, int perClient) throws Exception {
        String key = newKey("REST single bench " + System.nanoTime());
        for (int i = 0; i < 200; i++) {
            send(key, "POST", "customers", customer(5_000_000 + i));
        }
        String[] bodies = new String[clients * perClient];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = customer(6_000_000 + i);
        }
        long[] latencies = new long[clients * perClient];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = send(key, "POST", "customers", bodies[client * perClient + i]);
                    latencies[client * perClient + i] = System.nanoTime() - s;
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "%-20s %-40s %,10d reqs %7.2f s %,9.0f requests/s  p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                dbName, "REST single create, " + clients + " clients", latencies.length, s, latencies.length / s,
                pct(latencies, 50), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }
}
