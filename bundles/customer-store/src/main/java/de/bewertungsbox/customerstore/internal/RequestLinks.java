package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.api.notify.CapturedMail;
import de.bewertungsbox.api.notify.ClaimedRequest;
import de.bewertungsbox.api.notify.Recipient;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * The outbox's reads and the customer-facing links: review-link clicks, unsubscribes, STOP replies, and the mail
 * sink. Every method runs inside the caller's connection (and transaction).
 */
final class RequestLinks {
    private final Clock clock;

    RequestLinks(Clock clock) {
        this.clock = clock;
    }

    Optional<String> click(Connection c, String token, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.customer_id, l.review_url, p.review_url "
                + "FROM bb_request r JOIN bb_customer c ON c.id = r.customer_id "
                + "JOIN bb_project p ON p.id = r.project_id LEFT JOIN bb_location l ON l.id = c.location_id "
                + "WHERE r.token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID id = rs.getObject(1, UUID.class);
                UUID customer = rs.getObject(2, UUID.class);
                String location = rs.getString(3);
                String project = rs.getString(4);
                DbRequestStore.update(c, "UPDATE bb_request SET clicked_at = COALESCE(clicked_at, ?) WHERE id = ?",
                        Times.toUtc(at), id);
                // Reminders go out only while the customer has not followed a review link.
                DbRequestStore.update(c, "UPDATE bb_request SET status = ?, error = ? WHERE customer_id = ? "
                        + "AND reminder > 0 AND status = ?", DbRequestStore.status(RequestStatus.SKIPPED),
                        "followed the review link", customer, DbRequestStore.SCHEDULED);
                return Optional.of(location != null && !location.isBlank() ? location
                        : project == null ? "" : project);
            }
        }
    }

    boolean unsubscribe(Connection c, String token, Instant at) throws SQLException {
        UUID customer = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM bb_request WHERE token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    customer = rs.getObject(1, UUID.class);
                }
            }
        }
        if (customer == null) {
            return false;
        }
        optOut(c, List.of(customer), at);
        return true;
    }

    int optOutPhone(Connection c, UUID projectId, String phone, Instant at) throws SQLException {
        List<UUID> customers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM bb_customer WHERE phone = ? AND project_id = ?")) {
            ps.setString(1, phone);
            ps.setObject(2, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    customers.add(rs.getObject(1, UUID.class));
                }
            }
        }
        optOut(c, customers, at);
        return customers.size();
    }

    private void optOut(Connection c, List<UUID> customers, Instant at) throws SQLException {
        for (UUID customer : customers) {
            DbRequestStore.update(c, "UPDATE bb_customer SET opted_out_at = COALESCE(opted_out_at, ?), updated_at = ? "
                    + "WHERE id = ?", Times.toUtc(at), Times.toUtc(clock.instant()), customer);
            DbRequestStore.update(c, "UPDATE bb_request SET status = ?, error = ? WHERE customer_id = ? AND status = ?",
                    DbRequestStore.status(RequestStatus.CANCELLED), "the customer opted out", customer,
                    DbRequestStore.SCHEDULED);
        }
    }

    static Optional<String> reviewUrl(Connection c, UUID projectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT review_url FROM bb_project WHERE id = ?")) {
            ps.setObject(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static UUID projectOf(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM bb_request WHERE id = ?")) {
            ps.setObject(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    static boolean manual(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT manual FROM bb_request WHERE id = ?")) {
            ps.setObject(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    static List<ClaimedRequest> claimed(Connection c, List<UUID> ids, String columns) throws SQLException {
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        List<ClaimedRequest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + ", r.token, c.first_name, c.last_name, "
                + "c.company, c.email, c.phone, l.name, c.opted_out_at, EXISTS (SELECT 1 FROM bb_request k WHERE "
                + "k.customer_id = r.customer_id AND k.clicked_at IS NOT NULL) FROM bb_request r "
                + "JOIN bb_customer c ON c.id = r.customer_id LEFT JOIN bb_location l ON l.id = c.location_id "
                + "WHERE r.id IN (" + in + ") ORDER BY r.due_at")) {
            JobRows.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClaimedRequest(read(rs), rs.getString(11), new Recipient(rs.getString(12),
                            rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                            Times.toInstant(rs.getObject(18, LocalDateTime.class)), rs.getBoolean(19))));
                }
            }
        }
        return out;
    }

    static List<ReviewRequest> select(Connection c, String sql, List<Object> params, int max) throws SQLException {
        List<ReviewRequest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            JobRows.bind(ps, params);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static ReviewRequest read(ResultSet rs) throws SQLException {
        return new ReviewRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getInt(5), Times.toInstant(rs.getObject(6, LocalDateTime.class)),
                RequestStatus.valueOf(rs.getString(7).toUpperCase(java.util.Locale.ROOT)), rs.getInt(8),
                Times.toInstant(rs.getObject(9, LocalDateTime.class)), rs.getString(10));
    }

    static List<CapturedMail> captured(Connection c, UUID projectId, String after, int max) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(projectId));
        String where = "WHERE project_id = ?";
        if (after != null && !after.isBlank()) {
            where += " AND id < ?";
            params.add(cursor(after));
        }
        List<CapturedMail> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, request_id, recipient, subject, mime, created_at "
                + "FROM bb_sink_mail " + where + " ORDER BY id DESC")) {
            JobRows.bind(ps, params);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CapturedMail(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5),
                            Times.toInstant(rs.getObject(6, LocalDateTime.class))));
                }
            }
        }
        return out;
    }

    static UUID cursor(String after) {
        try {
            return UUID.fromString(after.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("after", "is not a cursor from a previous page")));
        }
    }
}
