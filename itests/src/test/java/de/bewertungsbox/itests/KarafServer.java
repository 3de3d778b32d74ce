package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution run as a user runs it ({@code bin/karaf server}) in a copy of its own, on free ports,
 * driven through the REST API from the test's JVM. For tests that need a process to kill, or servers (fake Stripe,
 * fake HubSpot) that live outside Karaf.
 */
final class KarafServer implements AutoCloseable {
    static final String PASSWORD = "server-test-pw";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final String httpPort;
    final String sshPort;
    private Process process;

    /** Copies the assembly to {@code target/<name>/karaf} and gives it free ports. */
    KarafServer(String name) throws IOException {
        this.home = Path.of("target", name, "karaf");
        if (Files.exists(home)) {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path assembly = Path.of("../karaf-distribution/target/assembly");
        try (Stream<Path> s = Files.walk(assembly)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = home.resolve(assembly.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        httpPort = ItestSupport.freePort();
        sshPort = ItestSupport.freePort();
        set("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort);
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", ItestSupport.freePort());
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", ItestSupport.freePort());
        set("etc/de.bewertungsbox.core.cfg", "public_url", base());
        set("etc/de.bewertungsbox.importer.bcc.cfg", "port", ItestSupport.freePort());
    }

    /** Sets one property of a configuration file under the copy's home (before {@link #start()}). */
    void set(String file, String key, String value) throws IOException {
        Path f = home.resolve(file);
        List<String> lines = Files.exists(f) ? Files.readAllLines(f).stream()
                .filter(l -> !l.strip().startsWith(key + " ") && !l.strip().startsWith(key + "=")).toList()
                : List.of();
        Files.write(f, Stream.concat(lines.stream(), Stream.of(key + " = " + value)).toList());
    }

    /** Starts Karaf and waits (up to 3 minutes) until the REST API answers an administrator. */
    void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolveSibling("karaf-console.log").toFile()));
        pb.environment().put("BB_ADMIN_PASSWORD", PASSWORD);
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertTrue("Karaf exited at start", process.isAlive());
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("projects")).header("Authorization", basic())
                        .GET());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("Karaf did not answer GET /projects within 3 minutes; last answer: " + last
                + "; thread dump in " + threadDump());
    }

    /** Runs one Karaf shell command over SSH ({@code bin/client}) as the administrator; returns its output. */
    String shell(String command) throws Exception {
        Process p = new ProcessBuilder("bin/client", "-a", sshPort, "-u", "admin", "-p", PASSWORD, "-r", "10", "-d", "2",
                command).directory(home.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/client did not finish: " + command, p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(command + ": " + out, 0, p.exitValue());
        return out;
    }

    /** SIGKILL to Karaf and everything it started (bin/karaf runs java as a child). */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        process.toHandle().descendants().forEach(h -> h.onExit().join());
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    URI uri(String path) {
        return URI.create(base() + "/api/v1/" + path);
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An administrator's request; asserts the status. */
    String admin(String method, String path, String json, int expect) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic())
                .header("Content-Type", "application/json").method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(r.body(), expect, r.statusCode());
        return r.body();
    }

    /** A project key's request with any body; returns the answer. */
    HttpResponse<String> key(String key, String method, String path, HttpRequest.BodyPublisher body, String type)
            throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", type).method(method, body));
    }

    /** A project key's JSON request (body may be {@code null}); returns the answer. */
    HttpResponse<String> call(String key, String method, String path, String json) throws Exception {
        return key(key, method, path, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json), "application/json");
    }

    /** Starts a sync of a pull importer and waits (3 minutes at most) for its job to finish. */
    JsonNode sync(String key, String importer) throws Exception {
        HttpResponse<String> r = call(key, "POST", "importers/" + importer + "/sync", null);
        assertEquals(r.body(), 202, r.statusCode());
        return awaitJob(key, json(r.body()).get("id").asText(), 3);
    }

    /** @return the project's one customer with this e-mail (asserts there is exactly one) */
    JsonNode stored(String key, String email) throws Exception {
        JsonNode list = get(key, "customers?email=" + email).get("data");
        assertEquals(list.toString(), 1, list.size());
        return list.get(0);
    }

    /** A project key's GET; asserts 200. */
    JsonNode get(String key, String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET());
        assertEquals(r.body(), 200, r.statusCode());
        return json(r.body());
    }

    /** Waits (up to the given minutes) until an import job has finished; returns it. */
    JsonNode awaitJob(String key, String job, int minutes) throws Exception {
        JsonNode done = get(key, "imports/" + job);
        long wait = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (done.get("finished_at").isNull()) {
            assertTrue("the import job did not finish: " + done, System.nanoTime() < wait);
            TimeUnit.MILLISECONDS.sleep(200);
            done = get(key, "imports/" + job);
        }
        return done;
    }

    /** @return the customer count of a project, by slug */
    long customers(String slug) throws Exception {
        for (JsonNode p : json(admin("GET", "projects", null, 200)).get("data")) {
            if (slug.equals(p.get("slug").asText())) {
                return p.get("customer_count").asLong();
            }
        }
        throw new AssertionError("project " + slug + " not listed");
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** Writes a thread dump of Karaf's JVM next to its home, for a start that hangs. */
    private Path threadDump() {
        Path out = home.resolveSibling("karaf-threads.txt");
        String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
        process.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
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
}
