package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Trigger;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * The due-set query: a strategy's conditions as SQL over the per-customer figures ({@code charge_count} on the
 * customer, the net total per currency in {@code bb_customer_spend}), read in trigger order along
 * {@code ix_customer_due_signup} / {@code ix_customer_due_charge}. Nothing is aggregated at query time.
 */
final class DueSet {
    private DueSet() {
    }

    static List<DueCustomer> query(Connection c, UUID projectId, Strategy s, Instant from, Instant to,
                                   DueCustomer after, int limit) throws SQLException {
        String t = s.trigger() == Trigger.SIGNUP ? "c.signed_up_at" : "c.last_charge_at";
        Conditions k = s.conditions();
        boolean spend = k.minTotal() > 0 || k.minAverage() > 0;
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.first_name, c.last_name, ").append(t)
                .append(", c.email, c.phone FROM bb_customer c");
        if (spend) {
            sql.append(" LEFT JOIN bb_customer_spend s ON s.customer_id = c.id AND s.currency = ?");
            params.add(k.currency().strip().toLowerCase(Locale.ROOT));
        }
        sql.append(" WHERE c.project_id = ? AND c.ask_state = 0 AND ").append(t).append(" >= ? AND ").append(t)
                .append(" <= ?");
        params.add(projectId);
        params.add(Times.toUtc(from));
        params.add(Times.toUtc(to));
        if (after != null) {
            sql.append(" AND (").append(t).append(" > ? OR (").append(t).append(" = ? AND c.id > ?))");
            params.add(Times.toUtc(after.trigger()));
            params.add(Times.toUtc(after.trigger()));
            params.add(after.id());
        }
        sql.append(" AND c.opted_out_at IS NULL AND (")
                .append(contact(s.channels())).append(")");
        if (k.requireSubscription()) {
            sql.append(" AND c.has_subscription = TRUE");
        }
        if (k.minCharges() > 0) {
            sql.append(" AND c.charge_count >= ?");
            params.add(k.minCharges());
        }
        if (k.minTotal() > 0) {
            sql.append(" AND COALESCE(s.net_total, 0) >= ?");
            params.add(k.minTotal());
        }
        if (k.minAverage() > 0) {
            sql.append(" AND c.charge_count > 0 AND COALESCE(s.net_total, 0) >= ? * c.charge_count");
            params.add(k.minAverage());
        }
        sql.append(" ORDER BY ").append(t).append(", c.id");
        List<DueCustomer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            JobRows.bind(ps, params);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DueCustomer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Times.toInstant(rs.getObject(4, LocalDateTime.class)), rs.getString(5) != null,
                            rs.getString(6) != null));
                }
            }
        }
        return out;
    }

    private static String contact(List<Channel> channels) {
        List<String> any = new ArrayList<>();
        if (channels.contains(Channel.EMAIL)) {
            any.add("c.email IS NOT NULL");
        }
        if (channels.contains(Channel.SMS)) {
            any.add("c.phone IS NOT NULL");
        }
        return any.isEmpty() ? "FALSE" : String.join(" OR ", any);
    }
}
