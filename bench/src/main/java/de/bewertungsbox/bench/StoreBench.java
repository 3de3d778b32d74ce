package de.bewertungsbox.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.customerstore.internal.DbCustomerStore;
import de.bewertungsbox.customerstore.internal.Dialect;
import de.bewertungsbox.customerstore.internal.Ids;
import de.bewertungsbox.customerstore.internal.JpaProjectStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;

/**
 * The store's bulk upsert ({@code CustomerStore.upsertAll}, validation and normalisation included) against the
 * floor of the same database in the same run: a bare JDBC batch MERGE on H2; COPY into an unlogged staging table
 * plus one {@code INSERT ... ON CONFLICT} on PostgreSQL. Rows are generated on the fly, never held whole.
 */
final class StoreBench {
    private static final String FLOOR_TABLE = "CREATE TABLE floor_customer (id UUID PRIMARY KEY, project_id UUID NOT NULL, "
            + "first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100), email VARCHAR(254), phone VARCHAR(20), "
            + "company VARCHAR(200), signed_up_at TIMESTAMP NOT NULL, has_subscription BOOLEAN NOT NULL, "
            + "sources VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, "
            + "CONSTRAINT uq_floor_email UNIQUE (project_id, email))";
    private static final String FLOOR_INDEX = "CREATE INDEX ix_floor_phone ON floor_customer (project_id, phone)";

    private final BenchDatabase db;
    private final int rows;
    private final int batch;
    private final DbCustomerStore store;
    private final Jpa jpa;
    private UUID lastProject;
    private double floorSeconds;
    private double lastSeconds;

    StoreBench(BenchDatabase db, int rows, int batch, double floorSeconds) {
        this.db = db;
        this.floorSeconds = floorSeconds;
        this.rows = rows;
        this.batch = batch;
        this.jpa = new Jpa(db.emf);
        this.store = new DbCustomerStore(db.ds, jpa, Clock.systemUTC());
    }

    String floor() throws SQLException {
        long t0 = System.nanoTime();
        if (db.dialect == Dialect.H2) {
            h2Merge();
        } else {
            pgCopyAndInsert();
        }
        floorSeconds = (System.nanoTime() - t0) / 1e9;
        return line(db.dialect == Dialect.H2 ? "floor: bare JDBC batch MERGE" : "floor: COPY + INSERT ON CONFLICT",
                floorSeconds, "");
    }

    /**
     * Feeds all rows through {@code upsertAll} from {@code writers} threads, at most {@code writers + 1} batches in
     * flight (as an import pipeline would), into a fresh project unless {@code again}.
     */
    String storeUpsert(String label, int writers, boolean again) throws Exception {
        UUID into = again ? lastProject : new JpaProjectStore(jpa, Clock.systemUTC(), "DE").create("Bench").id();
        lastProject = into;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Semaphore inFlight = new Semaphore(writers + 1);
        List<Future<BatchResult>> pending = new ArrayList<>();
        long[] counts = new long[4];
        long t0 = System.nanoTime();
        try {
            List<CustomerInput> chunk = new ArrayList<>(batch);
            for (int i = 0; i < rows; i++) {
                chunk.add(Rows.input(i));
                if (chunk.size() == batch || i == rows - 1) {
                    List<CustomerInput> work = chunk;
                    chunk = new ArrayList<>(batch);
                    inFlight.acquire();
                    pending.add(pool.submit(() -> {
                        try {
                            return store.upsertAll(into, work);
                        } finally {
                            inFlight.release();
                            Bench.sampleHeap();
                        }
                    }));
                    drainDone(pending, counts);
                }
            }
            for (Future<BatchResult> f : pending) {
                add(counts, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        lastSeconds = s;
        if (store.count(into) != rows || counts[3] != 0) {
            throw new IllegalStateException("expected " + rows + " customers, store has " + store.count(into)
                    + " (rejected " + counts[3] + ")");
        }
        return line(label + ", " + writers + (writers == 1 ? " writer" : " writers"), s, String.format(Locale.ROOT,
                "  created %,d updated %,d unchanged %,d; %.2fx the floor", counts[0], counts[1], counts[2],
                s / floorSeconds));
    }

    double floorSeconds() {
        return floorSeconds;
    }

    double lastSeconds() {
        return lastSeconds;
    }

    private static void drainDone(List<Future<BatchResult>> pending, long[] counts) throws Exception {
        Iterator<Future<BatchResult>> it = pending.iterator();
        while (it.hasNext()) {
            Future<BatchResult> f = it.next();
            if (f.isDone()) {
                add(counts, f.get());
                it.remove();
            }
        }
    }

    private static void add(long[] counts, BatchResult r) {
        counts[0] += r.count(UpsertOutcome.CREATED);
        counts[1] += r.count(UpsertOutcome.UPDATED);
        counts[2] += r.count(UpsertOutcome.UNCHANGED);
        counts[3] += r.count(UpsertOutcome.REJECTED);
    }

    private String line(String what, double seconds, String extra) {
        return String.format(Locale.ROOT, "%-20s %-40s %,10d rows %7.2f s %,9.0f rows/s%s", db.name, what, rows,
                seconds, rows / seconds, extra);
    }

    private void createFloorTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(FLOOR_TABLE);
            st.execute(FLOOR_INDEX);
        }
    }

    private void h2Merge() throws SQLException {
        UUID p = UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.ds.getConnection()) {
            createFloorTable(c);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO floor_customer (id, project_id, first_name, "
                    + "last_name, email, phone, company, signed_up_at, has_subscription, sources, created_at, updated_at) "
                    + "KEY (project_id, email) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setObject(1, Ids.next());
                    ps.setObject(2, p);
                    ps.setString(3, Rows.first(i));
                    ps.setString(4, Rows.last(i));
                    ps.setString(5, Rows.email(i));
                    ps.setString(6, Rows.phone(i));
                    ps.setString(7, Rows.company(i));
                    ps.setObject(8, LocalDateTime.ofInstant(Rows.signedUp(i), ZoneOffset.UTC));
                    ps.setBoolean(9, false);
                    ps.setString(10, "bench");
                    ps.setObject(11, now);
                    ps.setObject(12, now);
                    ps.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        ps.executeBatch();
                        c.commit();
                        Bench.sampleHeap();
                    }
                }
            }
        }
    }

    private void pgCopyAndInsert() throws SQLException {
        UUID p = UUID.randomUUID();
        String now = LocalDateTime.now(ZoneOffset.UTC).toString();
        try (Connection c = db.ds.getConnection()) {
            createFloorTable(c);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE UNLOGGED TABLE floor_staging (LIKE floor_customer INCLUDING DEFAULTS)");
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY floor_staging FROM STDIN");
            StringBuilder sb = new StringBuilder(1 << 16);
            for (int i = 0; i < rows; i++) {
                sb.append(Ids.next()).append('\t').append(p).append('\t').append(Rows.first(i)).append('\t')
                        .append(Rows.last(i)).append('\t').append(Rows.email(i)).append('\t').append(Rows.phone(i))
                        .append('\t').append(Rows.company(i) == null ? "\\N" : Rows.company(i)).append('\t')
                        .append(LocalDateTime.ofInstant(Rows.signedUp(i), ZoneOffset.UTC)).append("\tf\tbench\t")
                        .append(now).append('\t').append(now).append('\n');
                if (sb.length() > 60_000) {
                    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(b, 0, b.length);
                    sb.setLength(0);
                }
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            copy.endCopy();
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO floor_customer SELECT * FROM floor_staging ON CONFLICT (project_id, email) "
                        + "DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, "
                        + "phone = EXCLUDED.phone, company = EXCLUDED.company, signed_up_at = EXCLUDED.signed_up_at, "
                        + "updated_at = EXCLUDED.updated_at");
            }
        }
    }
}
