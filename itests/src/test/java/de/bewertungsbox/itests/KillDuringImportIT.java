package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kills Karaf with SIGKILL in the middle of a 1,000,000-row CSV import, starts it again, and checks that the job is
 * not left running, that its counts are exactly what was committed, and that importing the file again ends with
 * exactly 1,000,000 customers. Runs the assembled distribution as a user would ({@code bin/karaf server}) and drives
 * it through the REST API.
 */
public class KillDuringImportIT {
    private static final int ROWS = 1_000_000;
    private static final String PASSWORD = "kill-test-pw";
    private static final Path HOME = Path.of("target/kill-test/karaf");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process karaf;
    private String httpPort;

    @After
    public void stop() throws Exception {
        if (karaf != null) {
            kill(karaf);
        }
    }

    @Test
    public void aKilledImportIsMarkedFailedWithItsCommittedCountsAndASecondRunCompletesIt() throws Exception {
        Path csv = writeCsv(HOME.resolveSibling("customers.csv"));
        install();
        karaf = start();
        JsonNode project = json(admin("POST", "projects", HttpRequest.BodyPublishers.ofString("{\"name\":\"Kill Test\"}"),
                "application/json", 201));
        String key = project.get("api_key").asText();
        String job = json(upload(key, csv)).get("id").asText();

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long created = 0;
        while (created < 150_000) {
            assertTrue("the import did not get going", System.nanoTime() < deadline);
            created = json(get(key, "imports/" + job)).get("created").asLong();
        }
        kill(karaf);

        karaf = start();
        JsonNode after = json(get(key, "imports/" + job));
        assertEquals(after.toString(), "failed", after.get("status").asText());
        assertTrue(after.toString(), after.get("error").asText().startsWith("interrupted"));
        long committed = after.get("created").asLong();
        // H2 writes commits to its file within about a second (documented H2 behaviour), so a kill may lose the
        // last batches reported; whatever survived, counts and data agree.
        assertTrue("the commits of all but the last second survived (" + created + " seen): " + after,
                committed >= created - 4 * 5_000 && committed > 0 && committed < ROWS);
        assertEquals("the job's counts are exactly what is stored", committed, customers());

        String second = json(upload(key, csv)).get("id").asText();
        JsonNode done = json(get(key, "imports/" + second));
        long wait = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (done.get("finished_at").isNull()) {
            assertTrue("the second import did not finish", System.nanoTime() < wait);
            TimeUnit.MILLISECONDS.sleep(500);
            done = json(get(key, "imports/" + second));
        }
        assertEquals(done.toString(), "completed", done.get("status").asText());
        assertEquals(ROWS, done.get("total").asLong());
        assertEquals(ROWS - committed, done.get("created").asLong());
        assertEquals(committed, done.get("unchanged").asLong());
        assertEquals(ROWS, customers());
    }

    private static Path writeCsv(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("first_name,last_name,email,phone,company,signed_up_at\n");
            for (int i = 0; i < ROWS; i++) {
                w.write("Kundin" + i + ",Muster,kunde" + i + "@example.com,+4917" + (10_000_000 + i)
                        + ",Firma " + (i % 1000) + ",2026-0" + (1 + i % 9) + "-1" + (i % 10) + "\n");
            }
        }
        return file;
    }

    private void install() throws IOException {
        if (Files.exists(HOME)) {
            try (Stream<Path> s = Files.walk(HOME)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path assembly = Path.of("../karaf-distribution/target/assembly");
        try (Stream<Path> s = Files.walk(assembly)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = HOME.resolve(assembly.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        httpPort = ItestSupport.freePort();
        set("etc/org.apache.karaf.shell.cfg", "sshPort", ItestSupport.freePort());
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", ItestSupport.freePort());
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", ItestSupport.freePort());
    }

    private static void set(String file, String key, String value) throws IOException {
        Path f = HOME.resolve(file);
        List<String> lines = Files.readAllLines(f).stream()
                .filter(l -> !l.strip().startsWith(key + " ") && !l.strip().startsWith(key + "=")).toList();
        Files.write(f, Stream.concat(lines.stream(), Stream.of(key + " = " + value)).toList());
    }

    private Process start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bin/karaf", "server").directory(HOME.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        HOME.resolveSibling("karaf-console.log").toFile()));
        pb.environment().put("BB_ADMIN_PASSWORD", PASSWORD);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertTrue("Karaf exited at start", p.isAlive());
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("projects")).header("Authorization", basic()).GET());
                if (r.statusCode() == 200) {
                    return p;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("Karaf did not answer GET /projects within 3 minutes; last answer: " + last
                + "; thread dump in " + threadDump(p));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/api/v1/" + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String admin(String method, String path, HttpRequest.BodyPublisher body, String type, int expect)
            throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic())
                .header("Content-Type", type).method(method, body));
        assertEquals(r.body(), expect, r.statusCode());
        return r.body();
    }

    private String upload(String key, Path csv) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("imports/csv")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)));
        assertEquals(r.body(), 202, r.statusCode());
        return r.body();
    }

    private String get(String key, String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET());
        assertEquals(r.body(), 200, r.statusCode());
        return r.body();
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    private long customers() throws Exception {
        for (JsonNode p : json(admin("GET", "projects", HttpRequest.BodyPublishers.noBody(), "application/json", 200))
                .get("data")) {
            if ("kill-test".equals(p.get("slug").asText())) {
                return p.get("customer_count").asLong();
            }
        }
        throw new AssertionError("project kill-test not listed");
    }

    /** Writes a thread dump of Karaf's JVM next to its home, for a start that hangs. */
    private static Path threadDump(Process p) {
        Path out = HOME.resolveSibling("karaf-threads.txt");
        String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
        p.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .ifPresent(h -> {
                    try {
                        new ProcessBuilder(jstack, Long.toString(h.pid())).redirectErrorStream(true)
                                .redirectOutput(out.toFile()).start().waitFor(60, TimeUnit.SECONDS);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        return out.toAbsolutePath();
    }

    /** SIGKILL to the process and everything it started (bin/karaf runs java as a child). */
    private static void kill(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        p.toHandle().descendants().forEach(h -> h.onExit().join());
    }
}
