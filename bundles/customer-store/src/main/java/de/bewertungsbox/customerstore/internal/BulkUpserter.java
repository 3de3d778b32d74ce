package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;

/**
 * Creates or updates a batch of customers: validates every record through {@link CustomerNormaliser} (holding no
 * connection), then in one transaction looks up existing identities with three set queries, merges records that
 * share an identity, and writes new rows, changed rows and new external references as JDBC batches (COPY for new
 * rows on PostgreSQL). Stateless apart from its collaborators and safe for concurrent use: a batch that collides
 * with a concurrent writer (unique violation) is retried once.
 */
public final class BulkUpserter {
    private static final Logger LOG = LoggerFactory.getLogger(BulkUpserter.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Batches at least this large are validated in parallel. */
    private static final int PARALLEL_FROM = 256;
    /** On PostgreSQL, at least this many new rows are written with COPY instead of INSERT. */
    private static final int COPY_FROM = 64;

    private final DataSource ds;
    private final Clock clock;

    /**
     * @param ds    the database
     * @param clock source of "now" for signup defaults and timestamps
     */
    public BulkUpserter(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    /**
     * Validates one record exactly as {@link #upsert} would, storing nothing.
     *
     * @param project the project
     * @param input   the record
     * @return every field error, empty when valid
     */
    public List<FieldError> check(ProjectRef project, CustomerInput input) {
        UpsertResult[] rejected = new UpsertResult[1];
        List<CustomerInput> one = java.util.Collections.singletonList(input);
        validate(one, project, locations(project, one), clock.instant(), rejected);
        return rejected[0] == null ? List.of() : rejected[0].errors();
    }

    /** The project's locations, read only when a record names one. */
    private Map<String, UUID> locations(ProjectRef project, List<CustomerInput> inputs) {
        if (inputs.stream().noneMatch(i -> i != null && i.location() != null && !i.location().isBlank())) {
            return Map.of();
        }
        try (Connection c = ds.getConnection()) {
            return Locations.load(c, project.id());
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read locations: " + e.getMessage(), e);
        }
    }

    /**
     * @param project the project's id and default phone region
     * @param inputs  the records
     * @return one result per record
     */
    public BatchResult upsert(ProjectRef project, List<CustomerInput> inputs) {
        return upsert(project, inputs, null, false, null);
    }

    /**
     * Validates and stores a batch, optionally with errors found before validation, as a dry run, and with more
     * work in the same transaction.
     *
     * @param project   the project's id and default phone region
     * @param inputs    the records; a {@code null} record must come with pre-errors
     * @param preErrors per record, errors found before validation (a record with any is rejected), or {@code null}
     * @param dryRun    look up and merge as usual, then roll the customer writes back
     * @param after     runs on the same connection before commit, with the batch's results; or {@code null}
     * @return one result per record
     */
    public BatchResult upsert(ProjectRef project, List<CustomerInput> inputs, List<List<FieldError>> preErrors,
                              boolean dryRun, AfterWrite after) {
        try {
            Map<String, UUID> locations = locations(project, inputs);
            Instant now = clock.instant();
            // Validation holds no connection, so concurrent batches validate while others write.
            UpsertResult[] rejected = new UpsertResult[inputs.size()];
            Normalised[] valid = validate(inputs, project, locations, now, rejected);
            if (preErrors != null) {
                addPreErrors(inputs, preErrors, valid, rejected);
            }
            for (int attempt = 1; ; attempt++) {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        Savepoint beforeWrites = dryRun ? c.setSavepoint() : null;
                        BatchResult r = write(c, project.id(), valid, rejected.clone(), now);
                        if (beforeWrites != null) {
                            c.rollback(beforeWrites);
                        }
                        if (after != null) {
                            after.run(c, r);
                        }
                        c.commit();
                        return r;
                    } catch (SQLException e) {
                        c.rollback();
                        if (attempt == 1 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                            LOG.debug("Batch for project {} collided with a concurrent writer; retrying once",
                                    project.id());
                            continue;
                        }
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not store customers: " + e.getMessage(), e);
        }
    }

    /** Rejects records with pre-errors; their validation errors follow, except for fields already named. */
    private static void addPreErrors(List<CustomerInput> inputs, List<List<FieldError>> preErrors,
                                     Normalised[] valid, UpsertResult[] rejected) {
        for (int i = 0; i < inputs.size(); i++) {
            List<FieldError> pre = preErrors.get(i);
            if (pre == null || pre.isEmpty()) {
                continue;
            }
            List<FieldError> all = new ArrayList<>(pre);
            if (inputs.get(i) != null && rejected[i] != null) {
                for (FieldError e : rejected[i].errors()) {
                    if (pre.stream().noneMatch(p -> p.field().equals(e.field()))) {
                        all.add(e);
                    }
                }
            }
            valid[i] = null;
            rejected[i] = new UpsertResult(i, UpsertOutcome.REJECTED, null, all);
        }
    }

    /** More work for the batch's transaction. */
    @FunctionalInterface
    public interface AfterWrite {
        /**
         * @param c      the batch's connection, inside its transaction
         * @param result the batch's results
         * @throws SQLException to roll the whole batch back
         */
        void run(Connection c, BatchResult result) throws SQLException;
    }

    /** Validates every record (in parallel for large batches); rejections go to {@code rejected}. */
    private static Normalised[] validate(List<CustomerInput> inputs, ProjectRef project, Map<String, UUID> locations,
                                         Instant now, UpsertResult[] rejected) {
        Normalised[] valid = new Normalised[inputs.size()];
        IntStream indexes = IntStream.range(0, inputs.size());
        (inputs.size() >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> {
            CustomerNormaliser.Result r = CustomerNormaliser.normalise(inputs.get(i), project.region(),
                    key -> Locations.resolve(locations, key), now);
            if (r.ok()) {
                valid[i] = r.value();
            } else {
                rejected[i] = new UpsertResult(i, UpsertOutcome.REJECTED, null, r.errors());
            }
        });
        return valid;
    }

    /** Looks up, merges and writes the valid records; {@code results} already holds the rejections. */
    private static BatchResult write(Connection c, UUID projectId, Normalised[] valid, UpsertResult[] results,
                                     Instant now) throws SQLException {
        LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Existing existing = Existing.load(c, projectId, valid);
        Map<String, CustomerRow> newRefs = new LinkedHashMap<>();
        List<CustomerRow> inserts = new ArrayList<>();
        for (int i = 0; i < valid.length; i++) {
            if (valid[i] != null) {
                results[i] = apply(i, valid[i], existing, newRefs, inserts, nowUtc);
            }
        }
        write(c, projectId, inserts, existing.rows.values(), newRefs, nowUtc);
        return new BatchResult(List.of(results));
    }

    private static UpsertResult apply(int index, Normalised n, Existing ex, Map<String, CustomerRow> newRefs,
                                      List<CustomerRow> inserts, LocalDateTime nowUtc) {
        String refKey = n.externalId() == null ? null : Existing.refKey(n.source(), n.externalId());
        CustomerRow row = refKey == null ? null : ex.byRef.get(refKey);
        if (row == null && n.email() != null) {
            row = ex.byEmail.get(n.email());
        }
        if (row == null && n.email() == null && n.phone() != null) {
            row = ex.byPhone.get(n.phone());
        }
        LocalDateTime signedUp = n.signedUpAt() == null ? null : LocalDateTime.ofInstant(n.signedUpAt(), ZoneOffset.UTC);
        LocalDateTime optedOut = n.unsubscribedAt() == null ? null
                : LocalDateTime.ofInstant(n.unsubscribedAt(), ZoneOffset.UTC);
        if (row == null) {
            row = new CustomerRow(Ids.next(), true);
            row.merge(n, signedUp == null ? nowUtc : signedUp, optedOut);
            inserts.add(row);
            ex.index(row);
            if (refKey != null) {
                ex.byRef.put(refKey, row);
                newRefs.put(refKey, row);
            }
            return new UpsertResult(index, UpsertOutcome.CREATED, row.id, List.of());
        }
        if (n.email() != null && !n.email().equals(row.email)) {
            CustomerRow owner = ex.byEmail.get(n.email());
            if (owner != null && owner != row) {
                return new UpsertResult(index, UpsertOutcome.REJECTED, null, List.of(new FieldError("email",
                        "'" + n.email() + "' belongs to another customer of this project")));
            }
        }
        String oldEmail = row.email;
        boolean changed = row.merge(n, signedUp, optedOut);
        if (oldEmail != null && !oldEmail.equals(row.email)) {
            ex.byEmail.remove(oldEmail, row);
        }
        ex.index(row);
        if (refKey != null && !ex.byRef.containsKey(refKey)) {
            ex.byRef.put(refKey, row);
            newRefs.put(refKey, row);
            changed = true;
        }
        if (changed && !row.isNew) {
            row.dirty = true;
        }
        return new UpsertResult(index, changed ? UpsertOutcome.UPDATED : UpsertOutcome.UNCHANGED, row.id, List.of());
    }

    private static void write(Connection c, UUID projectId, List<CustomerRow> inserts, Iterable<CustomerRow> loaded,
                              Map<String, CustomerRow> newRefs, LocalDateTime nowUtc) throws SQLException {
        if (!inserts.isEmpty() && inserts.size() >= COPY_FROM && Dialect.of(c) == Dialect.POSTGRESQL
                && PgCopy.available(c)) {
            PgCopy.insert(c, projectId, inserts, nowUtc);
        } else if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bb_customer (id, project_id, first_name, "
                    + "last_name, email, phone, company, location_id, signed_up_at, has_subscription, opted_out_at, "
                    + "sources, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (CustomerRow r : inserts) {
                    ps.setObject(1, r.id);
                    ps.setObject(2, projectId);
                    bindFields(ps, 3, r);
                    ps.setObject(13, nowUtc);
                    ps.setObject(14, nowUtc);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE bb_customer SET first_name=?, last_name=?, email=?, "
                + "phone=?, company=?, location_id=?, signed_up_at=?, has_subscription=?, opted_out_at=?, sources=?, "
                + "updated_at=? WHERE id=? AND project_id=?")) {
            int n = 0;
            for (CustomerRow r : loaded) {
                if (r.dirty) {
                    bindFields(ps, 1, r);
                    ps.setObject(11, nowUtc);
                    ps.setObject(12, r.id);
                    ps.setObject(13, projectId);
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
        if (!newRefs.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bb_customer_ref (project_id, source, external_id, customer_id) VALUES (?,?,?,?)")) {
                for (Map.Entry<String, CustomerRow> e : newRefs.entrySet()) {
                    int sep = e.getKey().indexOf('\u0000');
                    ps.setObject(1, projectId);
                    ps.setString(2, e.getKey().substring(0, sep));
                    ps.setString(3, e.getKey().substring(sep + 1));
                    ps.setObject(4, e.getValue().id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void bindFields(PreparedStatement ps, int at, CustomerRow r) throws SQLException {
        ps.setString(at, r.firstName);
        ps.setString(at + 1, r.lastName);
        ps.setString(at + 2, r.email);
        ps.setString(at + 3, r.phone);
        ps.setString(at + 4, r.company);
        ps.setObject(at + 5, r.locationId);
        ps.setObject(at + 6, r.signedUpAt);
        ps.setBoolean(at + 7, r.hasSubscription);
        ps.setObject(at + 8, r.optedOutAt);
        ps.setString(at + 9, r.sourcesColumn());
    }

    /** The project a batch writes into. */
    public record ProjectRef(UUID id, String region) {
    }
}
