package de.bewertungsbox.importercsv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.importer.ImportException;

class CsvImporterTest {

    private static FakeJob run(byte[] content, Map<String, String> params) throws ImportException {
        FakeJob job = new FakeJob(content, params);
        new CsvImporter().run(job, job);
        return job;
    }

    private static FakeJob run(String content) throws ImportException {
        return run(content.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String failure(byte[] content) {
        return assertThrows(ImportException.class, () -> run(content, Map.of())).getMessage();
    }

    @Test
    void germanExcelExportWithSemicolonsWindows1252AndGermanDates() throws Exception {
        String csv = "Vorname;Nachname;E-Mail-Adresse;Telefon;Firma;Anmeldedatum;Notiz\r\n"
                + "Jürgen;Müller;j.mueller@example.de;0171 1234567;Bäckerei Müller, Köln;01.03.2026;Stammkunde\r\n";
        FakeJob job = run(csv.getBytes(Charset.forName("windows-1252")), Map.of());
        assertEquals(List.of("Notiz"), job.ignored);
        CustomerInput c = job.rows.get(0).customer();
        assertEquals("Jürgen", c.firstName());
        assertEquals("Müller", c.lastName());
        assertEquals("j.mueller@example.de", c.email());
        assertEquals("0171 1234567", c.phone());
        assertEquals("Bäckerei Müller, Köln", c.company());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), c.signedUpAt());
        assertEquals("csv", c.source());
        assertEquals(2, job.rows.get(0).at().row());
    }

    @Test
    void bomQuotedDelimitersAndLineBreaksKeepRowAndLineNumbers() throws Exception {
        String csv = "\uFEFFfirst_name,last_name,email,company\n"
                + "Anna,Schmidt,anna@example.com,\"Schmidt, Sohn & Co\"\n"
                + "Ben,Weber,ben@example.com,\"Zeile eins\nZeile zwei\"\n"
                + "\n"
                + "Carla,Roth,carla@example.com,\"Sie sagte \"\"Hallo\"\"\"\n";
        FakeJob job = run(csv);
        assertEquals(3, job.rows.size());
        assertEquals("first_name", job.header.get(0));
        assertEquals("Schmidt, Sohn & Co", job.rows.get(0).customer().company());
        assertEquals("Zeile eins\nZeile zwei", job.rows.get(1).customer().company());
        assertEquals("Sie sagte \"Hallo\"", job.rows.get(2).customer().company());
        assertEquals(List.of(2L, 3L, 5L), job.rows.stream().map(r -> r.at().row()).toList());
        assertEquals(List.of(2L, 3L, 6L), job.rows.stream().map(r -> r.at().line()).toList());
        assertEquals(List.of("Ben", "Weber", "ben@example.com", "Zeile eins\nZeile zwei"), job.rows.get(1).at().values());
    }

    @Test
    void headerMatchingIgnoresCaseSpacesDashesAndKnowsAliases() throws Exception {
        FakeJob job = run("FIRST NAME|Last-Name|Email Address|Mobil|Company Name|Standort|Signup Date|Abo|Kundennummer\n"
                + "Anna|Schmidt|anna@example.com|+49 171 1234567|ACME|berlin|2026-03-01T09:30:00+01:00|ja|K-17\n");
        CustomerInput c = job.rows.get(0).customer();
        assertEquals(List.of(), job.ignored);
        assertEquals("+49 171 1234567", c.phone());
        assertEquals("ACME", c.company());
        assertEquals("berlin", c.location());
        assertEquals(Instant.parse("2026-03-01T08:30:00Z"), c.signedUpAt());
        assertEquals(Boolean.TRUE, c.hasSubscription());
        assertEquals("K-17", c.externalId());
    }

    @Test
    void aFullNameColumnIsSplitAtTheLastSpace() throws Exception {
        FakeJob job = run("Name,E-Mail\nAnna Maria Schmidt,a@example.com\nCher,c@example.com\n");
        assertEquals("Anna Maria", job.rows.get(0).customer().firstName());
        assertEquals("Schmidt", job.rows.get(0).customer().lastName());
        assertEquals("Cher", job.rows.get(1).customer().firstName());
        assertNull(job.rows.get(1).customer().lastName());
    }

    @Test
    void tabSeparatedUtf16FromExcelUnicodeText() throws Exception {
        String csv = "Vorname\tE-Mail\r\nÖzlem\toezlem@example.com\r\n";
        FakeJob job = run(csv.getBytes(StandardCharsets.UTF_16), Map.of());
        assertEquals("Özlem", job.rows.get(0).customer().firstName());
    }

    @Test
    void explicitDelimiterAndCharsetWin() throws Exception {
        String csv = "first_name;email;note,with,commas\nRené;a@example.com;a,b,c\n";
        assertEquals(',', Sniffer.detectDelimiter(csv), "a tie goes to the comma");
        FakeJob job = run(csv.getBytes(StandardCharsets.ISO_8859_1), Map.of("delimiter", ";", "charset", "ISO-8859-1"));
        assertEquals("a@example.com", job.rows.get(0).customer().email());
        assertEquals("René", job.rows.get(0).customer().firstName());
        assertTrue(assertThrows(ImportException.class, () -> run("a".getBytes(), Map.of("delimiter", "x")))
                .getMessage().contains("delimiter 'x'"));
    }

    @Test
    void unreadableValuesBecomeFieldErrorsAndTheRowStillArrives() throws Exception {
        FakeJob job = run("first_name,email,signed_up_at,has_subscription,unsubscribed_at\n"
                + "Anna,a@example.com,2026-02-30,vielleicht,03/04/2026\n"
                + "Ben,b@example.com,,,\n");
        List<String> fields = job.rows.get(0).errors().stream().map(e -> e.field()).toList();
        assertEquals(List.of("signed_up_at", "has_subscription", "unsubscribed_at"), fields);
        assertTrue(job.rows.get(0).errors().get(0).message().contains("not a valid date"));
        assertTrue(job.rows.get(0).errors().get(2).message().contains("date_format"));
        assertNull(job.rows.get(1).customer().signedUpAt(), "an empty date means the import time, set by the store");
        assertEquals(List.of(), job.rows.get(1).errors());
    }

    @Test
    void slashDatesNeedAndFollowAnExplicitFormat() throws Exception {
        byte[] csv = "first_name,email,signed_up_at\nAnna,a@example.com,03/04/2026\n".getBytes();
        assertEquals(Instant.parse("2026-04-03T00:00:00Z"),
                run(csv, Map.of("date_format", "dd/MM/yyyy")).rows.get(0).customer().signedUpAt());
        assertEquals(Instant.parse("2026-03-04T00:00:00Z"),
                run(csv, Map.of("date_format", "MM/dd/yyyy")).rows.get(0).customer().signedUpAt());
    }

    @Test
    void aFileWithoutFirstNameColumnFailsAtOnceNamingTheColumnsFound() {
        String m = failure("email,phone\na@example.com,1\n".getBytes());
        assertTrue(m.contains("no first_name column") && m.contains("Columns found: email, phone"), m);
        assertTrue(failure("first_name,company\nAnna,ACME\n".getBytes()).contains("neither an email column"));
    }

    @Test
    void emptyHeaderOnlyAndNonCsvFilesFailWithOneClearMessage() {
        assertEquals("The file is empty.", failure(new byte[0]));
        assertEquals("The file is empty.", failure("\n\r\n  \n".getBytes()));
        assertEquals("The file is empty.", failure(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        assertEquals("The file has a header but no rows.", failure("first_name,email\n,\n\n".getBytes()));
        assertTrue(failure(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}).contains("workbook (.xlsx/.ods)"));
        assertTrue(failure("%PDF-1.7\n...".getBytes()).contains("PDF"));
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertTrue(failure(garbage).contains("binary data"));
        assertTrue(failure("Dear customer,\nthank you for your order.\n".getBytes()).contains("no first_name column"));
    }

    @Test
    void anUnclosedQuoteFailsTheJobAfterDeliveringTheRowsBeforeIt() {
        FakeJob job = new FakeJob("first_name,email\nAnna,a@example.com\nBen,\"b@example.com\nCarla,c@example.com\n"
                .getBytes(), Map.of());
        ImportException e = assertThrows(ImportException.class, () -> new CsvImporter().run(job, job));
        assertTrue(e.getMessage().contains("line 3 is never closed"), e.getMessage());
        assertEquals(1, job.rows.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 65_535, 65_536, 65_537})
    void lenientDecodingIsExactAcrossBufferBoundaries(int padding) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("first_name,email,company\n".getBytes());
        b.write(("Anna,a@example.com," + "x".repeat(padding) + "\n").getBytes());
        b.write("Jörg,j@example.com,Grüße €\n".getBytes(StandardCharsets.UTF_8));
        b.write("Jörg,k@example.com,Grüße\n".getBytes(Charset.forName("windows-1252")));
        FakeJob job = run(b.toByteArray(), Map.of());
        assertEquals("Grüße €", job.rows.get(1).customer().company());
        assertEquals("Grüße", job.rows.get(2).customer().company());
        assertEquals("Jörg", job.rows.get(2).customer().firstName());
    }
}
