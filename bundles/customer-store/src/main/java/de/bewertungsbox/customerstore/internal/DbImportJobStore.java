package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.SourceRow;
import de.bewertungsbox.api.importer.SyncState;
import de.bewertungsbox.api.importjob.ChargeRow;
import de.bewertungsbox.api.importjob.ImportJobStore;
import de.bewertungsbox.api.importjob.ImportRow;
import de.bewertungsbox.api.importjob.RejectedRow;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * Import jobs over plain JDBC. A batch's customers, its rejected rows and the job's counters are written in the
 * customer batch's own transaction ({@link DbCustomerStore#upsertForImport}), so counts never run ahead of or
 * behind the data. Stateless and thread-safe.
 */
public final class DbImportJobStore implements ImportJobStore {
    private static final String VALUE_SEP = "\u001F";
    private static final int PAGE = 1_000;

    private final DataSource ds;
    private final DbCustomerStore customers;
    private final Clock clock;

    /**
     * @param ds        the database
     * @param customers the customer store whose bulk path stores the batches
     * @param clock     time source
     */
    public DbImportJobStore(DataSource ds, DbCustomerStore customers, Clock clock) {
        this.ds = ds;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public ImportJob create(UUID projectId, String importerId, boolean dryRun, String node) {
        UUID id = Ids.next();
        LocalDateTime now = now();
        try (Connection c = ds.getConnection()) {
            if (!exists(c, "SELECT 1 FROM bb_project WHERE id = ?", projectId)) {
                throw new NotFoundException("project " + projectId + " does not exist");
            }
            update(c, "INSERT INTO bb_import_job (id, project_id, importer_id, status, dry_run, node, created_at, "
                    + "heartbeat_at) VALUES (?,?,?,?,?,?,?,?)", id, projectId, importerId, ImportStatus.QUEUED.name(),
                    dryRun, node, now, now);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return find(projectId, id).orElseThrow();
    }

    @Override
    public boolean markRunning(UUID jobId) {
        LocalDateTime now = now();
        return run(c -> update(c, "UPDATE bb_import_job SET status = 'RUNNING', started_at = ?, heartbeat_at = ? "
                + "WHERE id = ? AND status = 'QUEUED'", now, now, jobId) == 1);
    }

    @Override
    public void columns(UUID jobId, List<String> header, List<String> ignored) {
        run(c -> update(c, "UPDATE bb_import_job SET header = ?, ignored_columns = ? WHERE id = ?",
                clip(join(header), 32_000), clip(join(ignored), 8_000), jobId));
    }

    @Override
    public BatchResult commit(UUID jobId, UUID projectId, List<ImportRow> rows, boolean dryRun, int percent) {
        List<CustomerInput> inputs = new ArrayList<>(rows.size());
        List<List<FieldError>> pre = new ArrayList<>(rows.size());
        for (ImportRow r : rows) {
            inputs.add(r.customer());
            pre.add(r.errors().isEmpty() && r.customer() == null
                    ? List.of(new FieldError("record", "could not be read")) : r.errors());
        }
        return customers.upsertForImport(projectId, inputs, pre, dryRun, (c, result) -> {
            rejections(c, jobId, result, i -> rows.get(i).at());
            counts(c, jobId, rows.size(), result, percent);
        });
    }

    /** Keeps every rejected row of a batch, with its errors and raw values, in the batch's transaction. */
    private static void rejections(Connection c, UUID jobId, BatchResult result,
                                   IntFunction<SourceRow> at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bb_import_rejection (job_id, row_no, line_no, "
                + "errors, row_values) VALUES (?,?,?,?,?)")) {
            int n = 0;
            for (UpsertResult r : result.results()) {
                if (r.outcome() == UpsertOutcome.REJECTED) {
                    SourceRow row = at.apply(r.index());
                    ps.setObject(1, jobId);
                    ps.setLong(2, row.row());
                    ps.setLong(3, row.line());
                    ps.setString(4, clip(encodeErrors(r.errors()), 8_000));
                    ps.setString(5, clip(join(row.values()), 1_000_000));
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    @Override
    public BatchResult commitCharges(UUID jobId, UUID projectId, String source, List<ChargeRow> rows, boolean dryRun,
                                     int percent) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                BatchResult result = ChargeBatch.store(c, projectId, source, rows, dryRun);
                rejections(c, jobId, result, i -> rows.get(i).at());
                counts(c, jobId, rows.size(), result, percent);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private void counts(Connection c, UUID jobId, int total, BatchResult result, int percent) throws SQLException {
        update(c, "UPDATE bb_import_job SET total = total + ?, created = created + ?, updated = updated + ?, "
                        + "unchanged = unchanged + ?, rejected = rejected + ?, percent = ?, heartbeat_at = ? "
                        + "WHERE id = ?", total, result.count(UpsertOutcome.CREATED),
                result.count(UpsertOutcome.UPDATED), result.count(UpsertOutcome.UNCHANGED),
                result.count(UpsertOutcome.REJECTED), percent, now(), jobId);
    }

    @Override
    public boolean forget(UUID jobId, UUID projectId, String source, String externalId, boolean dryRun) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                UUID customer = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM bb_customer_ref WHERE "
                        + "external_id = ? AND source = ? AND project_id = ?")) {
                    ps.setString(1, externalId);
                    ps.setString(2, source);
                    ps.setObject(3, projectId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            customer = rs.getObject(1, UUID.class);
                        }
                    }
                }
                if (customer != null && !dryRun) {
                    update(c, "DELETE FROM bb_customer_ref WHERE external_id = ? AND source = ? AND project_id = ?",
                            externalId, source, projectId);
                    String sources = null;
                    try (PreparedStatement ps = c.prepareStatement("SELECT sources FROM bb_customer WHERE id = ?")) {
                        ps.setObject(1, customer);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                sources = rs.getString(1);
                            }
                        }
                    }
                    boolean others = sources != null && Arrays.stream(sources.split(","))
                            .anyMatch(s -> !s.isBlank() && !s.equals(source));
                    if (!others && !exists(c, "SELECT 1 FROM bb_customer_ref WHERE customer_id = ?", customer)) {
                        update(c, "DELETE FROM bb_customer WHERE id = ? AND project_id = ?", customer, projectId);
                    }
                }
                update(c, "UPDATE bb_import_job SET total = total + 1, updated = updated + ?, unchanged = unchanged "
                        + "+ ?, heartbeat_at = ? WHERE id = ?", customer == null ? 0 : 1, customer == null ? 1 : 0,
                        now(), jobId);
                c.commit();
                return customer != null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    public Optional<String> cursor(UUID projectId, String importerId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sync_cursor FROM bb_importer_state WHERE "
                    + "project_id = ? AND importer_id = ?")) {
                ps.setObject(1, projectId);
                ps.setString(2, importerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void saveCursor(UUID projectId, String importerId, String cursor, UUID jobId) {
        String value = clip(cursor, 2_000);
        run(c -> {
            if (update(c, "UPDATE bb_importer_state SET sync_cursor = ?, cursor_saved_at = ?, last_job_id = ? WHERE "
                    + "project_id = ? AND importer_id = ?", value, now(), jobId, projectId, importerId) == 0) {
                update(c, "INSERT INTO bb_importer_state (project_id, importer_id, sync_cursor, cursor_saved_at, "
                        + "last_job_id) VALUES (?,?,?,?,?)", projectId, importerId, value, now(), jobId);
            }
            return null;
        });
    }

    @Override
    public void schedule(UUID projectId, String importerId, int intervalMinutes) {
        int minutes = Math.max(0, intervalMinutes);
        LocalDateTime next = minutes == 0 ? null : now().plusMinutes(minutes);
        run(c -> {
            if (update(c, "UPDATE bb_importer_state SET interval_minutes = ?, next_sync_at = ? WHERE project_id = ? "
                    + "AND importer_id = ?", minutes, next, projectId, importerId) == 0) {
                update(c, "INSERT INTO bb_importer_state (project_id, importer_id, interval_minutes, next_sync_at) "
                        + "VALUES (?,?,?,?)", projectId, importerId, minutes, next);
            }
            return null;
        });
    }

    @Override
    public Optional<SyncState> syncState(UUID projectId, String importerId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_id, importer_id, interval_minutes, "
                    + "next_sync_at, last_job_id, cursor_saved_at FROM bb_importer_state WHERE project_id = ? AND "
                    + "importer_id = ?")) {
                ps.setObject(1, projectId);
                ps.setString(2, importerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(syncState(rs)) : Optional.<SyncState>empty();
                }
            }
        });
    }

    private static SyncState syncState(ResultSet rs) throws SQLException {
        return new SyncState(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                Times.toInstant(rs.getObject(4, LocalDateTime.class)), rs.getObject(5, UUID.class),
                Times.toInstant(rs.getObject(6, LocalDateTime.class)));
    }

    @Override
    public List<SyncState> claimDueSyncs(Instant now, int limit) {
        LocalDateTime at = Times.toUtc(now);
        return run(c -> {
            List<SyncState> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT project_id, importer_id, interval_minutes, "
                    + "next_sync_at, last_job_id, cursor_saved_at FROM bb_importer_state WHERE next_sync_at <= ? "
                    + "AND interval_minutes > 0 ORDER BY next_sync_at FETCH FIRST " + Math.max(1, limit)
                    + " ROWS ONLY")) {
                ps.setObject(1, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(syncState(rs));
                    }
                }
            }
            List<SyncState> claimed = new ArrayList<>();
            for (SyncState s : due) {
                // Moving next_sync_at from the value read claims the sync: of two nodes, one updates a row.
                LocalDateTime next = at.plusMinutes(s.intervalMinutes());
                if (update(c, "UPDATE bb_importer_state SET next_sync_at = ? WHERE project_id = ? AND importer_id = ? "
                        + "AND next_sync_at = ?", next, s.projectId(), s.importerId(),
                        Times.toUtc(s.nextSyncAt())) == 1) {
                    claimed.add(s);
                }
            }
            return claimed;
        });
    }

    @Override
    public void syncStarted(UUID projectId, String importerId, UUID jobId) {
        run(c -> update(c, "UPDATE bb_importer_state SET last_job_id = ? WHERE project_id = ? AND importer_id = ?",
                jobId, projectId, importerId));
    }

    @Override
    public boolean firstDelivery(UUID projectId, String importerId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return true;
        }
        return run(c -> {
            boolean any = false;
            for (String id : new java.util.LinkedHashSet<>(eventIds)) {
                String key = clip(id, 255);
                if (!exists(c, "SELECT 1 FROM bb_webhook_event WHERE event_id = ? AND importer_id = ? AND project_id "
                        + "= ?", key, importerId, projectId)) {
                    try {
                        update(c, "INSERT INTO bb_webhook_event (event_id, importer_id, project_id, received_at) "
                                + "VALUES (?,?,?,?)", key, importerId, projectId, now());
                        any = true;
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                        // a concurrent delivery of the same event recorded it first
                    }
                }
            }
            return any;
        });
    }

    @Override
    public int forgetDeliveries(Duration olderThan) {
        LocalDateTime before = now().minus(olderThan);
        return run(c -> update(c, "DELETE FROM bb_webhook_event WHERE received_at < ?", before));
    }

    @Override
    public int suggestedWriters() {
        return run(c -> Dialect.of(c) == Dialect.POSTGRESQL ? 2 : 1);
    }

    @Override
    public void progress(UUID jobId, int percent) {
        run(c -> update(c, "UPDATE bb_import_job SET percent = ?, heartbeat_at = ? WHERE id = ?", percent, now(),
                jobId));
    }

    @Override
    public boolean cancelRequested(UUID jobId) {
        return run(c -> exists(c, "SELECT 1 FROM bb_import_job WHERE id = ? AND cancel_requested", jobId));
    }

    @Override
    public Optional<ImportJob> requestCancel(UUID projectId, UUID jobId) {
        LocalDateTime now = now();
        run(c -> {
            update(c, "UPDATE bb_import_job SET status = 'CANCELLED', cancel_requested = TRUE, finished_at = ?, "
                    + "error = ? WHERE id = ? AND project_id = ? AND status = 'QUEUED'", now,
                    "cancelled before it started", jobId, projectId);
            return update(c, "UPDATE bb_import_job SET cancel_requested = TRUE WHERE id = ? AND project_id = ? "
                    + "AND status = 'RUNNING'", jobId, projectId);
        });
        return find(projectId, jobId);
    }

    @Override
    public void finish(UUID jobId, ImportStatus status, String error) {
        run(c -> update(c, "UPDATE bb_import_job SET status = ?, error = ?, finished_at = ?, percent = CASE WHEN ? "
                + "THEN 100 ELSE percent END WHERE id = ? AND status IN ('QUEUED', 'RUNNING')", status.name(),
                clip(error, 2_000), now(), status == ImportStatus.COMPLETED, jobId));
    }

    @Override
    public Optional<ImportJob> find(UUID projectId, UUID jobId) {
        return run(c -> {
            List<ImportJob> jobs = JobRows.select(c, "WHERE id = ? AND project_id = ?", List.of(jobId, projectId), 1);
            if (jobs.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(JobRows.withErrors(jobs.get(0), reportedErrors(c, jobId)));
        });
    }

    private static List<de.bewertungsbox.api.importer.RowError> reportedErrors(Connection c, UUID jobId)
            throws SQLException {
        List<de.bewertungsbox.api.importer.RowError> errors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT row_no, line_no, errors FROM bb_import_rejection "
                + "WHERE job_id = ? ORDER BY row_no")) {
            ps.setObject(1, jobId);
            ps.setMaxRows(MAX_REPORTED_ERRORS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && errors.size() < MAX_REPORTED_ERRORS) {
                    for (FieldError e : decodeErrors(rs.getString(3))) {
                        if (errors.size() < MAX_REPORTED_ERRORS) {
                            errors.add(new de.bewertungsbox.api.importer.RowError(rs.getLong(1), rs.getLong(2),
                                    e.field(), e.message()));
                        }
                    }
                }
            }
        }
        return errors;
    }

    @Override
    public Page<ImportJob> list(UUID projectId, int limit, String after) {
        int n = Math.max(1, Math.min(1000, limit));
        return run(c -> {
            List<Object> params = new ArrayList<>(List.of(projectId));
            String where = "WHERE project_id = ?";
            if (after != null && !after.isBlank()) {
                where += " AND id < ?";
                params.add(cursor(after));
            }
            List<ImportJob> jobs = JobRows.select(c, where + " ORDER BY id DESC", params, n + 1);
            boolean more = jobs.size() > n;
            List<ImportJob> data = more ? jobs.subList(0, n) : jobs;
            return new Page<>(data, more, more ? data.get(n - 1).id().toString() : null);
        });
    }

    private static UUID cursor(String after) {
        try {
            return UUID.fromString(after.trim());
        } catch (IllegalArgumentException e) {
            throw new de.bewertungsbox.api.customer.ValidationException(
                    List.of(new FieldError("after", "is not a cursor from a previous page")));
        }
    }

    @Override
    public Optional<List<String>> header(UUID projectId, UUID jobId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT header FROM bb_import_job WHERE id = ? AND project_id = ?")) {
                ps.setObject(1, jobId);
                ps.setObject(2, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(split(rs.getString(1))) : Optional.<List<String>>empty();
                }
            }
        });
    }

    @Override
    public void rejected(UUID projectId, UUID jobId, Consumer<RejectedRow> sink) {
        long afterRow = Long.MIN_VALUE;
        long afterLine = Long.MIN_VALUE;
        while (true) {
            List<RejectedRow> page = rejectedPage(projectId, jobId, afterRow, afterLine);
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            RejectedRow last = page.get(page.size() - 1);
            afterRow = last.row();
            afterLine = last.line();
        }
    }

    private List<RejectedRow> rejectedPage(UUID projectId, UUID jobId, long afterRow, long afterLine) {
        return run(c -> {
            List<RejectedRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.row_no, r.line_no, r.row_values, r.errors "
                    + "FROM bb_import_rejection r JOIN bb_import_job j ON j.id = r.job_id WHERE r.job_id = ? "
                    + "AND j.project_id = ? AND (r.row_no > ? OR (r.row_no = ? AND r.line_no > ?)) "
                    + "ORDER BY r.row_no, r.line_no")) {
                ps.setObject(1, jobId);
                ps.setObject(2, projectId);
                ps.setLong(3, afterRow);
                ps.setLong(4, afterRow);
                ps.setLong(5, afterLine);
                ps.setMaxRows(PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new RejectedRow(rs.getLong(1), rs.getLong(2), split(rs.getString(3)),
                                decodeErrors(rs.getString(4))));
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public int interrupt(String node, String reason) {
        return run(c -> update(c, "UPDATE bb_import_job SET status = 'FAILED', error = ?, finished_at = ? "
                + "WHERE node = ? AND status IN ('QUEUED', 'RUNNING')", clip(reason, 2_000), now(), node));
    }

    @Override
    public int interruptSilent(Duration silence, String reason) {
        LocalDateTime now = now();
        return run(c -> update(c, "UPDATE bb_import_job SET status = 'FAILED', error = ?, finished_at = ? "
                + "WHERE status = 'RUNNING' AND heartbeat_at < ?", clip(reason, 2_000), now,
                Times.toUtc(clock.instant().minus(silence))));
    }

    private LocalDateTime now() {
        return Times.toUtc(clock.instant());
    }

    static String join(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(VALUE_SEP);
            }
            String v = values.get(i);
            b.append(v == null ? "" : v.replace(VALUE_SEP, " "));
        }
        return b.toString();
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(joined.split(VALUE_SEP, -1));
    }

    static String encodeErrors(List<FieldError> errors) {
        StringBuilder b = new StringBuilder();
        for (FieldError e : errors) {
            b.append(e.field().replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(e.message().replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    static List<FieldError> decodeErrors(String encoded) {
        List<FieldError> errors = new ArrayList<>();
        for (String line : encoded.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                errors.add(new FieldError(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return errors;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JobRows.bind(ps, List.of(params));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JobRows.bind(ps, Arrays.asList(params));
            return ps.executeUpdate();
        }
    }

    private <T> T run(SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("could not access import jobs: " + e.getMessage(), e);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
