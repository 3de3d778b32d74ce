package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

/**
 * Kills Karaf with SIGKILL in the middle of a 1,000,000-row CSV import, starts it again, and checks that the job is
 * not left running, that its counts are exactly what was committed, and that importing the file again ends with
 * exactly 1,000,000 customers. Runs the assembled distribution as a user would ({@code bin/karaf server}, commands
 * through {@code bin/client}).
 */
public class KillDuringImportIT {
    private static final int ROWS = 1_000_000;
    private static final String PASSWORD = "kill-test-pw";
    private static final Path HOME = Path.of("target/kill-test/karaf");
    private static final Pattern UUID_RE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern COUNTS = Pattern.compile("Counts +([\\d,]+) read: ([\\d,]+) created, ([\\d,]+) "
            + "updated, ([\\d,]+) unchanged, ([\\d,]+) rejected");

    private Process karaf;
    private String sshPort;

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
        shell("bb:project-create \"Kill Test\"");
        String jobOut = shell("bb:import-csv --no-wait kill-test " + csv.toAbsolutePath());
        Matcher id = UUID_RE.matcher(jobOut);
        assertTrue(jobOut, id.find());
        String job = id.group();

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long created = 0;
        while (created < 150_000) {
            assertTrue("the import did not get going", System.nanoTime() < deadline);
            created = counts(shell("bb:import-show kill-test " + job))[1];
        }
        kill(karaf);

        karaf = start();
        String shown = shell("bb:import-show kill-test " + job);
        assertTrue(shown, shown.contains("Status     failed: interrupted"));
        long committed = counts(shown)[1];
        assertTrue("rows committed before the kill are counted: " + shown, committed >= 150_000 && committed < ROWS);
        assertEquals("the job's counts are exactly what is stored", committed, customers());

        String second = shell("bb:import-csv kill-test " + csv.toAbsolutePath());
        assertTrue(second, second.contains("Status     completed"));
        long[] c = counts(second);
        assertEquals(ROWS, c[0]);
        assertEquals(ROWS - committed, c[1]);
        assertEquals(committed, c[3]);
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
        sshPort = ItestSupport.freePort();
        set("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort);
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", ItestSupport.freePort());
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
        while (System.nanoTime() < deadline) {
            assertTrue("Karaf exited at start", p.isAlive());
            Result r = client("bb:project-list", 30);
            if (r.exit == 0 && r.out.contains("Slug")) {
                return p;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("Karaf did not answer bb:project-list within 3 minutes");
    }

    private String shell(String command) throws Exception {
        Result r = client(command, 600);
        assertEquals(command + ": " + r.out, 0, r.exit);
        assertTrue(command + ": " + r.out, !r.out.contains("Error executing command"));
        return r.out;
    }

    private long customers() throws Exception {
        String out = shell("bb:project-list");
        Matcher m = Pattern.compile("kill-test +\\| +Kill Test +\\| +(\\d+)").matcher(out);
        assertTrue(out, m.find());
        return Long.parseLong(m.group(1));
    }

    private static long[] counts(String shown) {
        Matcher m = COUNTS.matcher(shown);
        assertTrue(shown, m.find());
        long[] c = new long[5];
        for (int i = 0; i < 5; i++) {
            c[i] = Long.parseLong(m.group(i + 1).replace(",", ""));
        }
        return c;
    }

    private record Result(int exit, String out) {
    }

    private Result client(String command, int timeoutSeconds) throws Exception {
        Path out = Files.createTempFile(HOME.getParent(), "client", ".out");
        Process c = new ProcessBuilder("bin/client", "-b", "-a", sshPort, "-u", "admin", "-p", PASSWORD)
                .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        c.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        c.getOutputStream().close();
        if (!c.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill(c);
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
        }
        String text = Files.readString(out);
        Files.delete(out);
        return new Result(c.exitValue(), text);
    }

    /** SIGKILL to the process and everything it started (bin/karaf runs java as a child). */
    private static void kill(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        p.toHandle().descendants().forEach(h -> h.onExit().join());
    }
}
