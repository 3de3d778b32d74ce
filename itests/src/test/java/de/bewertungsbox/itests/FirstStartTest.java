package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The distribution's first-start step ({@code bin/setenv}, sourced by {@code bin/karaf}): no known default password
 * ships; the admin gets {@code BB_ADMIN_PASSWORD} or a generated password, written owner-only and printed once.
 */
public class FirstStartTest {
    private static final Path ASSEMBLY = Path.of("../karaf-distribution/target/assembly");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path karafHome() throws IOException {
        Path home = tmp.newFolder().toPath();
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        Files.copy(ASSEMBLY.resolve("bin/setenv"), home.resolve("bin/setenv"));
        Files.copy(ASSEMBLY.resolve("etc/users.properties"), home.resolve("etc/users.properties"));
        return home;
    }

    private static String source(Path home, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "DIRNAME=\"$1/bin\"; . \"$1/bin/setenv\"", "sh",
                home.toString()).redirectErrorStream(true);
        pb.environment().remove("BB_ADMIN_PASSWORD");
        pb.environment().remove("KARAF_DATA");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.waitFor());
        return out;
    }

    @Test
    public void shippedUsersFileHasNoActiveAccount() throws IOException {
        for (String line : Files.readAllLines(ASSEMBLY.resolve("etc/users.properties"))) {
            String l = line.strip();
            assertTrue("active account shipped: " + l, l.isEmpty() || l.startsWith("#"));
        }
    }

    @Test
    public void usesTheGivenPasswordAndDoesNotPrintIt() throws Exception {
        Path home = karafHome();
        String out = source(home, Map.of("BB_ADMIN_PASSWORD", "s3cret-Chosen"));
        assertTrue(out, out.contains("from BB_ADMIN_PASSWORD"));
        assertFalse(out, out.contains("s3cret-Chosen"));
        Path pw = home.resolve("data/bewertungsbox/initial-admin-password");
        assertEquals("s3cret-Chosen", Files.readString(pw).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pw)));
        List<String> users = Files.readAllLines(home.resolve("etc/users.properties"));
        assertTrue(users.contains("admin = s3cret-Chosen,_g_:admingroup"));
    }

    @Test
    public void generatesAPasswordPrintedOnceOnly() throws Exception {
        Path home = karafHome();
        String first = source(home, Map.of());
        Matcher m = Pattern.compile("password generated: (\\S+)").matcher(first);
        assertTrue(first, m.find());
        String password = m.group(1);
        assertTrue("long random password: " + password, password.length() >= 20);
        assertEquals(password, Files.readString(home.resolve("data/bewertungsbox/initial-admin-password")).strip());
        String second = source(home, Map.of());
        assertFalse("printed again: " + second, second.contains("password"));
        long admins = Files.readAllLines(home.resolve("etc/users.properties")).stream()
                .filter(l -> l.startsWith("admin =")).count();
        assertEquals(1, admins);
        String other = source(karafHome(), Map.of());
        assertFalse("two installations share a password", other.contains(password));
    }
}
