package de.bewertungsbox.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Caps;
import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.Templates;
import de.bewertungsbox.api.strategy.Strategy.Trigger;
import de.bewertungsbox.customerstore.internal.DbRequestStore;
import de.bewertungsbox.customerstore.internal.DbStrategyStore;
import de.bewertungsbox.customerstore.internal.DueSetBenchAccess;
import de.bewertungsbox.customerstore.internal.Dialect;
import de.bewertungsbox.customerstore.internal.JpaProjectStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.strategy.internal.StrategyEngineImpl;

/**
 * The strategy's due-set query and a full re-evaluation over one project of N customers with 5 charges each on
 * average (signups spread over two years, a charge every 30 days after signup, 30 % subscribed), generated in SQL
 * with consistent per-customer figures. The strategy (3 days after the last payment, at least 4 charges and 100.00
 * EUR) has been on for three years, so everyone it qualifies was asked; then it is edited to 3 charges and 50.00 EUR,
 * and a full re-evaluation schedules those who qualify now.
 */
final class StrategyBench {
    private final BenchDatabase db;
    private final int customers;

    StrategyBench(BenchDatabase db, int customers) {
        this.db = db;
        this.customers = customers;
    }

    String run() throws Exception {
        UUID project = new JpaProjectStore(new Jpa(db.emf), Clock.systemUTC(), "DE").create("Strategy bench").id();
        long t0 = System.nanoTime();
        long charges = generate(project);
        System.out.printf(Locale.ROOT, "%s: generated %,d customers and %,d charges in %.1f s%n", db.name, customers,
                charges, (System.nanoTime() - t0) / 1e9);

        DbStrategyStore strategies = new DbStrategyStore(db.ds, Clock.systemUTC());
        DbRequestStore requests = new DbRequestStore(db.ds, Clock.systemUTC());
        Strategy a = strategy(3 + 1, 10_000);
        strategies.save(project, a);
        long asked = history(project);
        analyze();
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(3 * 366));
        Instant to = now.minus(Duration.ofDays(3));

        // The periodic pass: customers whose delay ran out in the last minute (warm-up first).
        requests.dueSet(project, a, to.minusSeconds(60), to, null, 1_000);
        long q0 = System.nanoTime();
        int periodicRows = requests.dueSet(project, a, to.minusSeconds(60), to, null, 1_000).size();
        double periodic = (System.nanoTime() - q0) / 1e6;
        // The whole due set under the same strategy: every customer not yet asked, across three years of triggers.
        long q1 = System.nanoTime();
        long due = 0;
        DueCustomer after = null;
        for (List<DueCustomer> p; !(p = requests.dueSet(project, a, from, to, after, 1_000)).isEmpty(); ) {
            due += p.size();
            after = p.get(p.size() - 1);
        }
        double wholeSet = (System.nanoTime() - q1) / 1e9;
        if (Boolean.getBoolean("bench.explain")) {
            try (Connection c = db.ds.getConnection()) {
                System.out.println(DueSetBenchAccess.explain(c, project, a, from, to, null));
            }
        }

        // The edit: 3 charges and 50.00 EUR are enough now. A full re-evaluation schedules the newly eligible.
        StrategyEngineImpl engine = new StrategyEngineImpl(null, strategies, requests);
        strategies.save(project, strategy(3, 5_000));
        long e0 = System.nanoTime();
        int scheduled = engine.evaluate(project);
        double evaluation = (System.nanoTime() - e0) / 1e9;
        long s0 = System.nanoTime();
        int again = engine.evaluate(project, Instant.now().minusSeconds(60));
        double steady = (System.nanoTime() - s0) / 1e3 / 1e3;
        long p0 = System.nanoTime();
        int preview = engine.preview(project, 7, 100).size();
        double previewMs = (System.nanoTime() - p0) / 1e6;
        return String.format(Locale.ROOT, "%s, %,d customers, %,d charges, %,d asked before: periodic due-set query "
                + "(last minute, %d due): %.0f ms; whole due set paged (%,d not yet asked and due): %.2f s; full "
                + "re-evaluation after an edit (%,d newly eligible scheduled): %.1f s; next periodic pass (%d new): "
                + "%.0f ms; preview of 7 days (first %d): %.0f ms", db.name, customers, charges, asked, periodicRows,
                periodic, due, wholeSet, scheduled, evaluation, again, steady, preview, previewMs);
    }

    private static Strategy strategy(int minCharges, long minTotal) {
        return new Strategy(true, Trigger.LAST_CHARGE, new Delay(3, DelayUnit.DAYS), List.of(Channel.EMAIL), null,
                List.of(new Delay(7, DelayUnit.DAYS)), new Conditions(false, minCharges, minTotal, 0, "eur"),
                new Caps(0, 0, 0, 0), new Templates(null, null, null));
    }

    /**
     * The strategy has been on for three years: every customer it would have asked (4 charges or more, 100.00 EUR,
     * last payment more than 3 days ago) has a sent request.
     */
    private long history(UUID project) throws SQLException {
        boolean pg = db.dialect == Dialect.POSTGRESQL;
        String uuid = pg ? "md5(random()::text || c.id::text)::uuid" : "RANDOM_UUID()";
        String cutoff = pg ? "LOCALTIMESTAMP - INTERVAL '3 day'" : "DATEADD(DAY, -3, LOCALTIMESTAMP)";
        try (Connection c = db.ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE bb_strategy SET active_from = " + (pg ? "LOCALTIMESTAMP - INTERVAL '3 year'"
                    : "DATEADD(YEAR, -3, LOCALTIMESTAMP)") + " WHERE project_id = '" + project + "'");
            return st.executeUpdate("INSERT INTO bb_request (id, project_id, customer_id, channel, reminder, manual, "
                    + "due_at, status, attempts, token, sent_at, created_at) SELECT q.id, q.project_id, q.cid, 'email', "
                    + "0, FALSE, q.due, 'sent', 1, REPLACE(CAST(q.id AS VARCHAR), '-', ''), q.due, q.due FROM (SELECT "
                    + uuid + " AS id, c.project_id, c.id AS cid, c.last_charge_at AS due FROM bb_customer c "
                    + "WHERE c.project_id = '" + project + "' AND c.charge_count >= 4 AND c.last_charge_at <= "
                    + cutoff + ") q");
        }
    }

    /** Generates in chunks of 50,000 customers, each statement its own transaction (H2 grows its file by GBs else). */
    private long generate(UUID project) throws SQLException {
        boolean pg = db.dialect == Dialect.POSTGRESQL;
        String now = "LOCALTIMESTAMP";
        // Time-ordered ids, as the store's own (UUIDv7): customers created together sit together in the key's pages.
        String uuid = "CAST('00000000-0000-7000-8000-' || LPAD(CAST(x AS VARCHAR), 12, '0') AS UUID)";
        // Signups over two years; x % 11 charges (0..10, 5 on average), one every 30 days after signup.
        String signup = pg ? "(" + now + " - (x % 730) * INTERVAL '1 day' - (x % 1440) * INTERVAL '1 minute')"
                : "DATEADD(MINUTE, -(x % 1440), DATEADD(DAY, -(x % 730), " + now + "))";
        String lastCharge = pg ? "CASE WHEN x % 11 = 0 THEN NULL ELSE " + signup + " + (x % 11) * INTERVAL '30 day' END"
                : "CASE WHEN MOD(x, 11) = 0 THEN NULL ELSE DATEADD(DAY, MOD(x, 11) * 30, " + signup + ") END";
        String n = pg ? "generate_series(1, 10) AS n(k)" : "SYSTEM_RANGE(1, 10) n";
        String k = pg ? "n.k" : "n.X";
        String chargedAt = pg ? "c.signed_up_at + " + k + " * INTERVAL '30 day'"
                : "DATEADD(DAY, " + k + " * 30, c.signed_up_at)";
        try (Connection c = db.ds.getConnection(); Statement st = c.createStatement()) {
            int chunk = 50_000;
            for (int lo = 1; lo <= customers; lo += chunk) {
                int hi = Math.min(customers, lo + chunk - 1);
                String range = pg ? "generate_series(" + lo + ", " + hi + ") AS r(x)" : "SYSTEM_RANGE(" + lo + ", " + hi
                        + ") r";
                st.execute("INSERT INTO bb_customer (id, project_id, first_name, last_name, email, phone, "
                        + "signed_up_at, has_subscription, sources, charge_count, last_charge_at, created_at, updated_at) "
                        + "SELECT " + uuid + ", '" + project + "', 'Kunde', 'Nr ' || x, 'k' || x || '@bench.example', "
                        + "NULL, " + signup + ", " + (pg ? "x % 10 < 3" : "MOD(x, 10) < 3") + ", 'bench', "
                        + (pg ? "x % 11" : "MOD(x, 11)") + ", " + lastCharge + ", " + now + ", " + now + " FROM " + range);
                String ids = "c.id BETWEEN " + uuid.replace("x AS", lo + " AS") + " AND " + uuid.replace("x AS", hi + " AS");
                st.execute("INSERT INTO bb_charge (id, project_id, customer_id, amount, currency, charged_at, source, "
                        + "external_id) SELECT " + (pg ? "md5(random()::text || c.id::text || " + k + ")::uuid"
                        : "RANDOM_UUID()") + ", c.project_id, c.id, 1500 + " + k + " * 500, 'eur', " + chargedAt
                        + ", 'bench', NULL FROM bb_customer c JOIN " + n + " ON " + k + " <= c.charge_count WHERE "
                        + "c.project_id = '" + project + "' AND " + ids);
                st.execute("INSERT INTO bb_customer_spend (customer_id, currency, charge_count, net_total) SELECT "
                        + "c.id, 'eur', c.charge_count, c.charge_count * 1500 + 250 * c.charge_count * "
                        + "(c.charge_count + 1) FROM bb_customer c WHERE c.project_id = '" + project + "' AND "
                        + "c.charge_count > 0 AND " + ids);
            }
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM bb_charge")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Statistics for both planners. H2 also rewrites its file compactly (SHUTDOWN COMPACT, then the pool reconnects):
     * generating millions of rows in one go leaves it mostly garbage, which a database filled over months is not.
     */
    private void analyze() throws SQLException {
        try (Connection c = db.ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
        if (db.dialect == Dialect.H2 && Boolean.parseBoolean(System.getProperty("bench.compact", "true"))) {
            long t = System.nanoTime();
            Connection c = db.ds.getConnection();
            try {
                c.createStatement().execute("SHUTDOWN COMPACT");
            } finally {
                try {
                    c.close();
                } catch (SQLException closedWithTheDatabase) {
                    // the pool finds the connection dead and opens new ones, which reopen the file
                }
            }
            db.ds.getHikariPoolMXBean().softEvictConnections();
            System.out.printf(Locale.ROOT, "%s: compacted in %.1f s%n", db.name, (System.nanoTime() - t) / 1e9);
        }
    }
}
