package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.LocationInput;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterRegistry;
import de.bewertungsbox.api.importer.RowError;

/**
 * Imports in a real Karaf: the CSV importer end to end through the import service, and importers arriving and
 * leaving with their bundles and features while jobs run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportIT extends ItestSupport {
    private static final String OFFICE_CSV = "Vorname;Nachname;E-Mail;Telefon;Firma;Standort;Anmeldedatum;Notiz\r\n"
            + "Jürgen;Müller;j.mueller@example.de;0171 1234567;Bäckerei Müller;berlin;01.03.2026;Stammkunde\r\n"
            + ";Ohne;ohne@example.de;;;;;\r\n"
            + "Petra;Schulz;petra@example;;;;;\r\n"
            + "Sven;Beck;sven@example.de;;;;31.02.2026;\r\n"
            + "Jürgen;Müller;J.Mueller@example.de;;;;;zweite Zeile, gleiche Person\r\n"
            + "Ayşe;Kaya;;+49 30 1234567;;BERLIN;2026-01-15;\r\n"
            + "Karl;Kontaktlos;;;;;;\r\n"
            + "Lena;Lang;lena@example.de;;;hamburg;;\r\n"
            + "Mia;Meier;mia@example.de;;" + "GmbH ".repeat(41) + ";;;\r\n";

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    private UUID project(String name) throws Exception {
        ProjectStore projects = service(ProjectStore.class);
        UUID id = projects.create(name + " " + UUID.randomUUID().toString().substring(0, 8)).id();
        projects.addLocation(id, new LocationInput("berlin", "Berlin Mitte", "https://example.com/review"));
        return id;
    }

    private ImportJob importCsv(UUID project, byte[] csv, ImportOptions options) throws Exception {
        return StoreChecks.importCsv(this, project, csv, options);
    }

    @Test
    public void anOfficeCsvImportsWithRowErrorsAndASecondRunCreatesNothing() throws Exception {
        UUID p = project("Office");
        byte[] csv = OFFICE_CSV.getBytes(Charset.forName("windows-1252"));
        ImportJob job = importCsv(p, csv, ImportOptions.defaults());
        assertEquals(job.error(), ImportStatus.COMPLETED, job.status());
        assertEquals(9, job.report().total());
        assertEquals(2, job.report().created());
        assertEquals(1, job.report().unchanged());
        assertEquals(6, job.report().rejected());
        assertEquals(List.of("Notiz"), job.report().ignoredColumns());
        List<RowError> errors = job.report().errors();
        assertEquals(List.of(3L, 4L, 5L, 8L, 9L, 10L), errors.stream().map(RowError::row).toList());
        assertEquals(List.of("first_name", "email", "signed_up_at", "contact", "location", "company"),
                errors.stream().map(RowError::field).toList());
        assertTrue(errors.get(5).message(), errors.get(5).message().startsWith("is longer than 200 characters"));
        assertEquals(2, service(CustomerStore.class).count(p));

        ByteArrayOutputStream rejected = new ByteArrayOutputStream();
        assertTrue(service(ImportService.class).writeRejected(p, job.id(), rejected));
        String text = rejected.toString(StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFFVorname,Nachname,E-Mail,Telefon,Firma,Standort,Anmeldedatum,Notiz,error\r\n"));
        assertTrue(text, text.contains("Sven,Beck,sven@example.de,,,,31.02.2026,,signed_up_at: '31.02.2026' is not a valid date"));
        assertTrue(text, text.contains("Lena,Lang,lena@example.de,,,hamburg,,,location: no location 'hamburg'"));

        ImportJob again = importCsv(p, csv, ImportOptions.defaults());
        assertEquals(0, again.report().created());
        assertEquals(3, again.report().unchanged());
        assertEquals(2, service(CustomerStore.class).count(p));
    }

    @Test
    public void aDryRunAndABrokenFileStoreNothing() throws Exception {
        UUID p = project("Dry");
        ImportJob dry = importCsv(p, OFFICE_CSV.getBytes(StandardCharsets.UTF_8), new ImportOptions(true, Map.of()));
        assertEquals(ImportStatus.COMPLETED, dry.status());
        assertTrue(dry.dryRun());
        assertEquals(2, dry.report().created());
        assertEquals(6, dry.report().rejected());
        ImportJob broken = importCsv(p, "email;phone\r\na@example.com;1\r\n".getBytes(), ImportOptions.defaults());
        assertEquals(ImportStatus.FAILED, broken.status());
        assertTrue(broken.error(), broken.error().startsWith("The file has no first_name column"));
        assertEquals(0, service(CustomerStore.class).count(p));
    }

    @Test
    public void anImporterBundleInstalledAtRuntimeIsListedAndItsRemovalCancelsItsJob() throws Exception {
        ImporterRegistry registry = service(ImporterRegistry.class);
        assertFalse(registry.importer("test-generator").isPresent());
        String url = "mvn:de.bewertungsbox/test-importer/" + System.getProperty("bb.itest.version");
        Bundle bundle = bundleContext.installBundle(url);
        bundle.start();
        ImporterInfo info = awaitImporter(registry, true);
        assertEquals(ImporterKind.PULL, info.kind());
        assertEquals("de.bewertungsbox.test-importer", info.bundle());

        UUID p = project("Plugin");
        ImportJob job = service(ImportService.class).start(p, "test-generator",
                new ImportOptions(false, Map.of("pause_ms", "2")), null);
        StoreChecks.awaitJob(this, p, job.id(), j -> j.report().created() >= 10_000);
        bundle.uninstall();
        ImportJob cancelled = service(ImportService.class).find(p, job.id()).orElseThrow();
        assertEquals(ImportStatus.CANCELLED, cancelled.status());
        assertEquals("the importer 'test-generator' was removed while the job ran", cancelled.error());
        assertEquals(service(CustomerStore.class).count(p), cancelled.report().created());
        assertFalse(registry.importer("test-generator").isPresent());

        Bundle again = bundleContext.installBundle(url);
        again.start();
        awaitImporter(registry, true);
        again.uninstall();
        assertNull(registry.importer("test-generator").orElse(null));
    }

    @Test
    public void theCsvImporterFeatureCanBeRemovedAndInstalledAgain() throws Exception {
        ImporterRegistry registry = service(ImporterRegistry.class);
        assertEquals("CSV file", registry.importer("csv").orElseThrow().label());
        features.uninstallFeature("bewertungsbox-importer-csv");
        assertFalse(registry.importers().stream().anyMatch(i -> i.id().equals("csv")));
        features.installFeature("bewertungsbox-importer-csv");
        awaitImporterId(registry, "csv");
    }

    @Test
    public void removingTheBccFeatureClosesItsPortAndInstallingItOpensItAgain() throws Exception {
        ImporterRegistry registry = service(ImporterRegistry.class);
        int port = Integer.parseInt(System.getProperty("bb.itest.smtp.port"));
        awaitImporterId(registry, "bcc");
        assertTrue("the BCC port is open", smtpAnswers(port));
        features.uninstallFeature("bewertungsbox-importer-bcc");
        assertFalse(registry.importers().stream().anyMatch(i -> i.id().equals("bcc")));
        assertFalse("the BCC port is closed", smtpAnswers(port));
        features.installFeature("bewertungsbox-importer-bcc");
        awaitImporterId(registry, "bcc");
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        while (!smtpAnswers(port)) {
            assertTrue("the BCC port did not open again", System.nanoTime() < deadline);
            Thread.sleep(100);
        }
    }

    /** @return whether an SMTP server greets on the port */
    private static boolean smtpAnswers(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return greeting != null && greeting.startsWith("220");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    public void theStripeAndHubSpotFeaturesCanBeRemovedAndInstalledAgain() throws Exception {
        ImporterRegistry registry = service(ImporterRegistry.class);
        for (String id : new String[] {"stripe", "hubspot"}) {
            awaitImporterId(registry, id);
            assertTrue(id + " takes settings and webhooks", registry.remote(id).isPresent());
            features.uninstallFeature("bewertungsbox-importer-" + id);
            assertFalse(registry.importers().stream().anyMatch(i -> i.id().equals(id)));
            assertTrue("its webhooks go with it", registry.remote(id).isEmpty());
            features.installFeature("bewertungsbox-importer-" + id);
            awaitImporterId(registry, id);
            assertTrue(registry.remote(id).isPresent());
        }
    }

    /** Runs shell commands in Karaf's own shell and returns what they printed. */
    private String shell(String commands) throws Exception {
        org.apache.karaf.shell.api.console.SessionFactory factory =
                service(org.apache.karaf.shell.api.console.SessionFactory.class);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session s = factory.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            for (String c : commands.split("\n")) {
                try {
                    s.execute(c);
                } catch (IllegalArgumentException expected) {
                    throw expected;
                } catch (Exception e) {
                    // The cause may be a class the test runner cannot load (an H2 exception): keep its words only.
                    StringBuilder why = new StringBuilder(c);
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        why.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
                    }
                    throw new AssertionError(why.toString());
                }
            }
        } finally {
            s.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void theShellCommandsImportListAndReport() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("shell", ".csv");
        java.nio.file.Files.write(file, OFFICE_CSV.getBytes(StandardCharsets.UTF_8));
        String slug = "shell-" + UUID.randomUUID().toString().substring(0, 8);
        String out = shell("bb:project-create " + slug + "\nbb:import-csv " + slug + " " + file
                + "\nbb:project-list\nbb:importer-list");
        assertTrue(out, out.contains("Status     completed"));
        assertTrue(out, out.contains("9 read: 1 created, 0 updated, 0 unchanged, 8 rejected"));
        assertTrue(out, out.contains("row 3 (line 3), first_name: is required"));
        assertTrue(out, out.matches("(?s).*" + slug + " +[|│] +" + slug + " +[|│] +1 .*"));
        assertTrue(out, out.contains("de.bewertungsbox.importer-csv"));
        String manual = shell("bb:location-add --review-url https://example.com/r " + slug + " mitte \"Berlin Mitte\""
                + "\nbb:customer-add --first-name Maria --last-name Neu --email maria@example.com "
                + "--phone \"030 1234567\" --location mitte --signed-up 2026-01-02 " + slug
                + "\nbb:customer-list -q maria " + slug + "\nbb:apikey-create --label zapier " + slug);
        assertTrue(manual, manual.contains("Location 'Berlin Mitte' added: slug mitte"));
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Customer ([0-9a-f-]{36}) created").matcher(manual);
        assertTrue(manual, id.find());
        assertTrue(manual, manual.contains("maria@example.com") && manual.contains("+49301234567") && manual.contains("manual"));
        assertTrue(manual, manual.matches("(?s).*\nbb_[a-z0-9]+_[a-z0-9]+\n.*"));
        String shown = shell("bb:customer-show " + slug + " " + id.group(1));
        assertTrue(shown, shown.contains("Signed up    2026-01-02T00:00:00Z"));
        String strategy = shell("bb:strategy-show " + slug);
        assertTrue(strategy, strategy.contains("Strategy     off (defaults: never set)")
                && strategy.contains("Ask          3 days after the signup, by email"));
        String eligibility = shell("bb:eligibility " + slug + " " + id.group(1));
        assertTrue(eligibility, eligibility.startsWith("Not eligible")
                && eligibility.contains("NO  enabled: the strategy is off"));
        String set = shell("bb:strategy-set --enabled true --delay \"2 hours\" --window \"mon-fri 09:00-18:00 "
                + "Europe/Berlin\" --reminders \"3 days\" " + slug);
        assertTrue(set, set.contains("Strategy saved; 0 review requests scheduled now"));
        String changed = shell("bb:strategy-show " + slug);
        assertTrue(changed, changed.contains("Strategy     on") && changed.contains("Ask          2 hours after the "
                + "signup") && changed.contains("mon,tue,wed,thu,fri 09:00-18:00 Europe/Berlin")
                && changed.contains("Reminders    3 days"));
        try {
            shell("bb:strategy-set --window \"mon-fri 18:00-09:00 Europe/Berlin\" " + slug);
            throw new AssertionError("a window that ends before it starts must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("not changed: send_window.from must be before to"));
        }
        try {
            shell("bb:strategy-set --delay soon " + slug);
            throw new AssertionError("an unreadable delay must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("--delay 'soon'"));
        }
        String requests = shell("bb:request-list " + slug);
        assertTrue(requests, requests.contains("Status") && requests.contains("Attempts"));
        try {
            shell("bb:request-list --status lost " + slug);
            throw new AssertionError("an unknown status must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("use scheduled, sent"));
        }
        try {
            shell("bb:customer-add --first-name Karl " + slug);
            throw new AssertionError("a customer without contact must fail");
        } catch (IllegalArgumentException e) {
            assertEquals("not stored: contact an e-mail address or a phone number is required", e.getMessage());
        }
        try {
            shell("bb:importer-sync " + slug + " csv");
            throw new AssertionError("csv has nothing to sync");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("nothing to sync"));
        }
        try {
            shell("bb:import-show " + slug + " not-a-job");
            throw new AssertionError("a bad job id must fail");
        } catch (IllegalArgumentException e) {
            assertEquals("'not-a-job' is not a job id", e.getMessage());
        }
    }

    private ImporterInfo awaitImporter(ImporterRegistry registry, boolean present) {
        return awaitImporterId(registry, "test-generator");
    }

    private ImporterInfo awaitImporterId(ImporterRegistry registry, String id) {
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            var found = registry.importer(id);
            if (found.isPresent()) {
                return found.get();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        throw new AssertionError("importer " + id + " did not appear");
    }
}
