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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.notify.CapturedMail;
import de.bewertungsbox.api.notify.ClaimedRequest;
import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.RequestQuery;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * The outbox in {@code bb_request}. Claims lock due rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2
 * 2.x both have it) and stamp them with the node and a lease; a lease that runs out frees the row for any node.
 * Links ({@code /r/}, {@code /unsubscribe/}) and the mail sink are in {@link RequestLinks}. Stateless, thread-safe.
 */
public final class DbRequestStore implements RequestStore {
    static final String SCHEDULED = status(RequestStatus.SCHEDULED);
    private static final String COLUMNS = "r.id, r.project_id, r.customer_id, r.channel, r.reminder, r.due_at, "
            + "r.status, r.attempts, r.sent_at, r.error";

    private final DataSource ds;
    private final RequestLinks links;
    /** H2 is embedded in one JVM: claims and automatic scheduling take turns on this lock. */
    private final Object h2Claims = new Object();
    private volatile Dialect dialect;

    /**
     * @param ds    the database
     * @param clock time source (for the links)
     */
    public DbRequestStore(DataSource ds, Clock clock) {
        this.ds = ds;
        this.links = new RequestLinks(clock);
    }

    static String status(RequestStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<DueCustomer> dueSet(UUID projectId, Strategy strategy, Instant from, Instant to, DueCustomer after,
                                    int limit) {
        return run(c -> DueSet.query(c, projectId, strategy, from, to, after, limit));
    }

    @Override
    public List<ReviewRequest> schedule(UUID projectId, List<NewRequest> requests, boolean automatic) {
        if (!automatic) {
            return tx(c -> insert(c, projectId, requests, true));
        }
        if (dialect() == Dialect.H2) {
            synchronized (h2Claims) {
                return tx(c -> scheduleAutomatic(c, projectId, requests));
            }
        }
        return tx(c -> scheduleAutomatic(c, projectId, requests));
    }

    private List<ReviewRequest> scheduleAutomatic(Connection c, UUID projectId, List<NewRequest> requests)
            throws SQLException {
        Set<UUID> customers = new LinkedHashSet<>();
        requests.forEach(r -> customers.add(r.customerId()));
        Set<UUID> fresh = notYetAsked(c, projectId, customers);
        return insert(c, projectId, requests.stream().filter(r -> fresh.contains(r.customerId())).toList(), false);
    }

    /**
     * Of these customers, those the strategy has not asked yet. On PostgreSQL a transaction-scoped advisory lock per
     * project makes nodes that schedule the same project take turns; H2 is embedded in one JVM, where a lock does.
     */
    private Set<UUID> notYetAsked(Connection c, UUID projectId, Set<UUID> customers) throws SQLException {
        Set<UUID> asked = new java.util.HashSet<>();
        if (dialect() == Dialect.POSTGRESQL) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, projectId.getMostSignificantBits() ^ projectId.getLeastSignificantBits());
                lock.execute();
            }
        }
        // H2 scans the table for = ANY (array); an IN list of parameters uses the index there.
        boolean pg = dialect() == Dialect.POSTGRESQL;
        String in = pg ? "= ANY (?)" : "IN (" + String.join(",", java.util.Collections.nCopies(customers.size(), "?"))
                + ")";
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id FROM bb_request WHERE customer_id " + in + " AND manual = FALSE")) {
            if (pg) {
                ps.setArray(1, c.createArrayOf("uuid", customers.toArray()));
            } else {
                JobRows.bind(ps, List.copyOf(customers));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    asked.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Set<UUID> fresh = new LinkedHashSet<>(customers);
        fresh.removeAll(asked);
        return fresh;
    }

    private static List<ReviewRequest> insert(Connection c, UUID projectId, List<NewRequest> requests, boolean manual)
            throws SQLException {
        List<ReviewRequest> out = new ArrayList<>();
        if (requests.isEmpty()) {
            return out;
        }
        LocalDateTime now = Times.toUtc(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bb_request (id, project_id, customer_id, channel, "
                + "reminder, manual, due_at, status, attempts, token, created_at) VALUES (?,?,?,?,?,?,?,?,0,?,?)")) {
            for (NewRequest r : requests) {
                UUID id = Ids.next();
                JobRows.bind(ps, Arrays.asList(id, projectId, r.customerId(), r.channel(), r.reminder(), manual,
                        Times.toUtc(r.dueAt()), SCHEDULED, Tokens.random(24), now));
                ps.addBatch();
                out.add(new ReviewRequest(id, projectId, r.customerId(), r.channel(), r.reminder(), r.dueAt(),
                        RequestStatus.SCHEDULED, 0, null, null));
            }
            ps.executeBatch();
        }
        return out;
    }

    @Override
    public List<ClaimedRequest> claim(Instant now, int limit, String node, Duration lease) {
        if (dialect() == Dialect.H2) {
            // H2 counts locked rows against FETCH FIRST before skipping them; it is embedded in one JVM, so claims
            // are taken one after the other there.
            synchronized (h2Claims) {
                return claimRows(now, limit, node, lease);
            }
        }
        return claimRows(now, limit, node, lease);
    }

    private Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            d = run(Dialect::of);
            dialect = d;
        }
        return d;
    }

    private List<ClaimedRequest> claimRows(Instant now, int limit, String node, Duration lease) {
        return tx(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM bb_request WHERE status = ? AND due_at <= ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY due_at FETCH FIRST " + limit
                    + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                JobRows.bind(ps, List.of(SCHEDULED, Times.toUtc(now), Times.toUtc(now)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bb_request SET claimed_by = ?, claimed_until = ? WHERE id = ?")) {
                for (UUID id : ids) {
                    JobRows.bind(ps, List.of(node, Times.toUtc(now.plus(lease)), id));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return RequestLinks.claimed(c, ids, COLUMNS);
        });
    }

    @Override
    public int release(String node) {
        return run(c -> update(c, "UPDATE bb_request SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?",
                node));
    }

    @Override
    public boolean sent(UUID requestId, String node, Instant at, NewRequest reminder) {
        return tx(c -> {
            int n = update(c, "UPDATE bb_request SET status = ?, sent_at = ?, attempts = attempts + 1, error = NULL, "
                    + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? AND status = ?",
                    status(RequestStatus.SENT), Times.toUtc(at), requestId, node, SCHEDULED);
            if (n == 1 && reminder != null) {
                UUID project = RequestLinks.projectOf(c, requestId);
                boolean manual = RequestLinks.manual(c, requestId);
                insert(c, project, List.of(reminder), manual);
            }
            return n == 1;
        });
    }

    @Override
    public void unsent(UUID requestId, String error, Instant retryAt) {
        tx(c -> {
            update(c, "DELETE FROM bb_request WHERE status = ? AND id IN (SELECT n.id FROM bb_request n JOIN bb_request r "
                    + "ON n.customer_id = r.customer_id AND n.channel = r.channel AND n.reminder = r.reminder + 1 "
                    + "WHERE r.id = ?)", SCHEDULED, requestId);
            if (retryAt == null) {
                return update(c, "UPDATE bb_request SET status = ?, sent_at = NULL, error = ? WHERE id = ?",
                        status(RequestStatus.FAILED), clip(error), requestId);
            }
            return update(c, "UPDATE bb_request SET status = ?, sent_at = NULL, due_at = ?, error = ? WHERE id = ?",
                    SCHEDULED, Times.toUtc(retryAt), clip(error), requestId);
        });
    }

    @Override
    public void retry(UUID requestId, String error, Instant retryAt) {
        run(c -> update(c, "UPDATE bb_request SET attempts = attempts + 1, error = ?, due_at = ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = ? AND status = ?", clip(error), Times.toUtc(retryAt), requestId,
                SCHEDULED));
    }

    @Override
    public void finish(UUID requestId, RequestStatus status, String reason) {
        run(c -> update(c, "UPDATE bb_request SET status = ?, error = ?, attempts = attempts + ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = ? AND status = ?", status(status), clip(reason),
                status == RequestStatus.FAILED ? 1 : 0, requestId, SCHEDULED));
    }

    @Override
    public void postpone(UUID requestId, Instant dueAt, String reason) {
        run(c -> update(c, "UPDATE bb_request SET due_at = ?, error = ?, claimed_by = NULL, claimed_until = NULL "
                + "WHERE id = ? AND status = ?", Times.toUtc(dueAt), clip(reason), requestId, SCHEDULED));
    }

    @Override
    public long sentCount(UUID projectId, String channel, Instant from, Instant to) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bb_request WHERE project_id = ? "
                    + "AND channel = ? AND sent_at >= ? AND sent_at < ?")) {
                JobRows.bind(ps, List.of(projectId, channel, Times.toUtc(from), Times.toUtc(to)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Page<ReviewRequest> page(UUID projectId, RequestQuery q, int limit, String after) {
        int n = Math.max(1, Math.min(1000, limit));
        return run(c -> {
            List<Object> params = new ArrayList<>(List.of(projectId));
            StringBuilder where = new StringBuilder(" WHERE r.project_id = ?");
            if (q.status() != null) {
                where.append(" AND r.status = ?");
                params.add(status(q.status()));
            }
            if (q.customerId() != null) {
                where.append(" AND r.customer_id = ?");
                params.add(q.customerId());
            }
            if (q.channel() != null) {
                where.append(" AND r.channel = ?");
                params.add(q.channel());
            }
            if (after != null && !after.isBlank()) {
                where.append(" AND r.id < ?");
                params.add(RequestLinks.cursor(after));
            }
            List<ReviewRequest> rows = RequestLinks.select(c, "SELECT " + COLUMNS + " FROM bb_request r" + where
                    + " ORDER BY r.id DESC", params, n + 1);
            boolean more = rows.size() > n;
            List<ReviewRequest> data = more ? rows.subList(0, n) : rows;
            return new Page<>(data, more, more ? data.get(n - 1).id().toString() : null);
        });
    }

    @Override
    public Optional<String> click(String token, Instant at) {
        return tx(c -> links.click(c, token, at));
    }

    @Override
    public boolean unsubscribe(String token, Instant at) {
        return tx(c -> links.unsubscribe(c, token, at));
    }

    @Override
    public int optOutPhone(UUID projectId, String phone, Instant at) {
        return tx(c -> links.optOutPhone(c, projectId, phone, at));
    }

    @Override
    public Optional<String> reviewUrl(UUID projectId) {
        return run(c -> RequestLinks.reviewUrl(c, projectId));
    }

    @Override
    public void reviewUrl(UUID projectId, String url) {
        run(c -> update(c, "UPDATE bb_project SET review_url = ? WHERE id = ?", url, projectId));
    }

    @Override
    public void capture(UUID projectId, CapturedMail m) {
        run(c -> update(c, "INSERT INTO bb_sink_mail (id, project_id, request_id, recipient, subject, mime, "
                + "created_at) VALUES (?,?,?,?,?,?,?)", Ids.next(), projectId, m.requestId(), m.recipient(),
                clip(m.subject(), 1000), m.mime(), Times.toUtc(m.createdAt())));
    }

    @Override
    public Page<CapturedMail> captured(UUID projectId, int limit, String after) {
        int n = Math.max(1, Math.min(1000, limit));
        return run(c -> {
            List<CapturedMail> rows = RequestLinks.captured(c, projectId, after, n + 1);
            boolean more = rows.size() > n;
            List<CapturedMail> data = more ? rows.subList(0, n) : rows;
            return new Page<>(data, more, more ? data.get(n - 1).id().toString() : null);
        });
    }

    static String clip(String s) {
        return clip(s, 1000);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JobRows.bind(ps, Collections.unmodifiableList(Arrays.asList(params)));
            return ps.executeUpdate();
        }
    }

    private <T> T run(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not access review requests: " + e.getMessage(), e);
        }
    }

    private <T> T tx(Work<T> work) {
        return run(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
