package de.bewertungsbox.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks named on the command line and prints one line per measurement.
 *
 * <pre>
 * java -Xmx256m -jar bench/target/bench.jar [--rows N] [--batch N] [--writers N] [--db h2,postgresql] [--pg-url URL]
 *     [--suite csv,store | rest | stripe | hubspot | strategy] [--customers N] [--contacts N] [--stripe-customers N] [--charges-per-customer N]
 * </pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        int rows = Integer.parseInt(opt.getOrDefault("rows", "1000000"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "5000"));
        int writers = Integer.parseInt(opt.getOrDefault("writers", "2"));
        String pgUrl = opt.getOrDefault("pg-url", System.getenv().getOrDefault("BB_TEST_POSTGRES_URL", ""));
        List<String> dbs = List.of(opt.getOrDefault("db", pgUrl.isBlank() ? "h2" : "h2,postgresql").split(","));
        List<String> suites = List.of(opt.getOrDefault("suite", "csv,store").split(","));
        if (suites.contains("rest")) {
            RestBench rb = new RestBench(opt.getOrDefault("url", "http://127.0.0.1:8181/api/v1"),
                    opt.getOrDefault("admin", "admin:admin"));
            String label = opt.getOrDefault("db-label", "server");
            if (!"single".equals(opt.get("rest-parts"))) {
                System.out.println(rb.batches(label, rows, 10_000, 1));
                System.out.println(rb.batches(label, rows, 10_000, 2));
            }
            System.out.println(rb.singles(label, 32, Integer.parseInt(opt.getOrDefault("singles", "300"))));
            return;
        }
        if (suites.contains("strategy")) {
            int n = Integer.parseInt(opt.getOrDefault("customers", "1000000"));
            List<String> lines = new ArrayList<>();
            for (String db : dbs) {
                try (BenchDatabase d = open(db, pgUrl)) {
                    lines.add(new StrategyBench(d, n).run());
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
            System.out.println();
            System.out.println("Summary");
            lines.forEach(System.out::println);
            return;
        }
        if (suites.contains("hubspot")) {
            int n = Integer.parseInt(opt.getOrDefault("contacts", "200000"));
            for (String db : dbs) {
                try (BenchDatabase d = open(db, pgUrl)) {
                    System.out.println(new HubSpotBench(d, n).fullSync());
                }
            }
            System.out.printf(Locale.ROOT, "peak heap in use (sampled): %d MB, limit -Xmx %d MB%n", peakHeapMb(),
                    Runtime.getRuntime().maxMemory() >> 20);
            return;
        }
        if (suites.contains("stripe")) {
            int stripeCustomers = Integer.parseInt(opt.getOrDefault("stripe-customers", "100000"));
            int perCustomer = Integer.parseInt(opt.getOrDefault("charges-per-customer", "10"));
            List<String> lines = new ArrayList<>();
            for (String db : dbs) {
                try (BenchDatabase d = open(db, pgUrl)) {
                    lines.add(new StripeBench(d, stripeCustomers, perCustomer).fullSync());
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
            System.out.println();
            System.out.println("Summary");
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "peak heap in use (sampled): %d MB, limit -Xmx %d MB%n", peakHeapMb(),
                    Runtime.getRuntime().maxMemory() >> 20);
            return;
        }
        System.out.printf(Locale.ROOT, "BewertungsBox benchmark: %,d customers, batches of %,d, max heap %d MB%n",
                rows, batch, Runtime.getRuntime().maxMemory() >> 20);
        List<String> report = new ArrayList<>();
        java.nio.file.Path csv = null;
        if (suites.contains("csv")) {
            csv = CsvBench.writeFile(Files.createTempDirectory("bb-bench-csv"), rows);
            report.add(CsvBench.parseOnly(csv, rows));
        }
        for (String db : dbs) {
            // Each measurement starts on an empty database, so none pays for the rows of another.
            double floor;
            double storeAlone;
            try (BenchDatabase d = open(db, pgUrl)) {
                StoreBench sb = new StoreBench(d, rows, batch, 0);
                report.add(sb.floor());
                floor = sb.floorSeconds();
            }
            try (BenchDatabase d = open(db, pgUrl)) {
                StoreBench sb = new StoreBench(d, rows, batch, floor);
                report.add(sb.storeUpsert("store, new customers", 1, false));
                storeAlone = sb.lastSeconds();
                if (suites.contains("store")) {
                    report.add(sb.storeUpsert("store, same rows again", writers, true));
                }
            }
            if (suites.contains("store")) {
                try (BenchDatabase d = open(db, pgUrl)) {
                    report.add(new StoreBench(d, rows, batch, floor).storeUpsert("store, new customers", writers,
                            false));
                }
            }
            if (suites.contains("csv")) {
                try (BenchDatabase d = open(db, pgUrl)) {
                    report.add(new CsvBench(d, rows, batch, csv).importEndToEnd(floor, storeAlone));
                }
            }
        }
        if (csv != null) {
            Files.deleteIfExists(csv);
        }
        System.out.println();
        System.out.println("Summary");
        report.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "peak heap in use (sampled after each batch): %d MB, limit -Xmx %d MB%n", peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static BenchDatabase open(String db, String pgUrl) throws Exception {
        return "h2".equals(db) ? BenchDatabase.h2(Files.createTempDirectory("bb-bench-h2"))
                : BenchDatabase.postgres(pgUrl);
    }

    private static volatile long peakHeap;

    /** Samples the heap in use (called after every batch); the JVM's -Xmx is the hard limit. */
    static void sampleHeap() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (used > peakHeap) {
            peakHeap = used;
        }
    }

    static long peakHeapMb() {
        return peakHeap >> 20;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--rows N] [--batch N] [--writers N] [--db h2,postgresql] [--pg-url URL] [--suite csv,store|rest|stripe|hubspot|strategy] [--customers N] [--contacts N] [--stripe-customers N --charges-per-customer N] [--url U --admin user:pw --singles N]");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

}
