package de.bewertungsbox.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.customerstore.internal.DbCustomerStore;
import de.bewertungsbox.customerstore.internal.DbImportJobStore;
import de.bewertungsbox.customerstore.internal.JpaProjectStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.importcore.internal.BenchAccess;
import de.bewertungsbox.importcore.internal.ImportJobService;
import de.bewertungsbox.importercsv.internal.CsvImporter;

/**
 * The CSV import end to end (upload spooled, Commons CSV, mapping, validation, batched upsert, job counts), beside
 * the time Commons CSV alone takes to parse the same file.
 */
final class CsvBench {
    private final BenchDatabase db;
    private final int rows;
    private final int batch;
    private final Path file;

    CsvBench(BenchDatabase db, int rows, int batch, Path file) {
        this.db = db;
        this.rows = rows;
        this.batch = batch;
        this.file = file;
    }

    /** Writes the rows of {@link Rows} as a CSV file in the documented header format. */
    static Path writeFile(Path dir, int rows) throws IOException {
        Path f = dir.resolve("customers.csv");
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("first_name,last_name,email,phone,company,signed_up_at\n");
            for (int i = 0; i < rows; i++) {
                String company = Rows.company(i);
                w.write(Rows.first(i) + "," + Rows.last(i) + "," + Rows.email(i).toUpperCase(Locale.ROOT) + ",0171 "
                        + String.format("%07d", i % 10_000_000) + "," + (company == null ? "" : company) + ","
                        + iso.format(Rows.signedUp(i)) + "\n");
            }
        }
        return f;
    }

    /** Commons CSV alone: parse every record and touch every field. */
    static String parseOnly(Path file, int rows) throws IOException {
        long t0 = System.nanoTime();
        long chars = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord rec : p) {
                for (String v : rec) {
                    chars += v.length();
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "%-20s %-40s %,10d rows %7.2f s %,9.0f rows/s  (%,d MB file, %,d chars)",
                "(no database)", "Commons CSV alone: parse the file", rows, s, rows / s, Files.size(file) >> 20, chars);
    }

    String importEndToEnd(double floorSeconds, double storeSeconds) throws Exception {
        Jpa jpa = new Jpa(db.emf);
        DbCustomerStore customers = new DbCustomerStore(db.ds, jpa, Clock.systemUTC());
        DbImportJobStore jobs = new DbImportJobStore(db.ds, customers, Clock.systemUTC());
        UUID project = new JpaProjectStore(jpa, Clock.systemUTC(), "DE").create("CSV bench").id();
        ImportJobService engine = BenchAccess.engine(jobs, Files.createTempDirectory("bb-bench-imports"), batch);
        BenchAccess.bind(engine, new CsvImporter(), "csv");
        try {
            long t0 = System.nanoTime();
            ImportJob job;
            try (InputStream in = Files.newInputStream(file)) {
                job = engine.start(project, "csv", ImportOptions.defaults(), in);
            }
            while (job.finishedAt() == null) {
                Thread.sleep(20);
                Bench.sampleHeap();
                job = engine.find(project, job.id()).orElseThrow();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (job.status() != ImportStatus.COMPLETED || job.report().created() != rows
                    || customers.count(project) != rows) {
                throw new IllegalStateException("import did not store every row: " + job);
            }
            return String.format(Locale.ROOT, "%-20s %-40s %,10d rows %7.2f s %,9.0f rows/s  %.2fx the floor, "
                    + "%.2fx the store alone", db.name, "CSV import end to end (import job)", rows, s, rows / s,
                    s / floorSeconds, s / storeSeconds);
        } finally {
            BenchAccess.stop(engine);
        }
    }
}
