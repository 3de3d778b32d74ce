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
 * {@code ix_customer_due_signup} / {@code ix_customer_due_charge}, skipping customers the strategy asked before.
 * Nothing is aggregated at query time.
 */
final class DueSet {
    private DueSet() {
    }

    /** The query's text and parameters. */
    record Sql(String text, List<Object> params) {
    }

    static List<DueCustomer> query(Connection c, UUID projectId, Strategy s, Instant from, Instant to,
                                   DueCustomer after, int limit) throws SQLException {
        Sql q = build(projectId, s, from, to, after);
        List<DueCustomer> out = new ArrayList<>();
        // The limit belongs in the SQL: PostgreSQL plans for every row otherwise (setMaxRows is not seen by its
        // planner) and sorts the whole remaining range for each page.
        try (PreparedStatement ps = c.prepareStatement(q.text() + " FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY")) {
            JobRows.bind(ps, q.params());
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

    static Sql build(UUID projectId, Strategy s, Instant from, Instant to, DueCustomer after) {
        String t = s.trigger() == Trigger.SIGNUP ? "c.signed_up_at" : "c.last_charge_at";
        Conditions k = s.conditions();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.first_name, c.last_name, ").append(t)
                .append(", c.email, c.phone FROM bb_customer c");
        sql.append(" WHERE c.project_id = ? AND ").append(t).append(" >= ? AND ").append(t).append(" <= ?");
        params.add(projectId);
        // Keyset paging as a plain lower bound on the trigger, so each page starts where the index left off (an OR
        // of two ranges makes H2 read the range from its beginning on every page).
        params.add(Times.toUtc(after == null || after.trigger().isBefore(from) ? from : after.trigger()));
        params.add(Times.toUtc(to));
        if (after != null) {
            sql.append(" AND NOT (").append(t).append(" = ? AND c.id <= ?)");
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
        // The net total in the strategy's currency, looked up by primary key for each candidate: a join would let
        // H2 start from the spend table and sort, instead of walking the due-set index in trigger order.
        String net = "COALESCE((SELECT s.net_total FROM bb_customer_spend s WHERE s.customer_id = c.id AND "
                + "s.currency = ?), 0)";
        String currency = k.currency().strip().toLowerCase(Locale.ROOT);
        if (k.minTotal() > 0) {
            sql.append(" AND ").append(net).append(" >= ?");
            params.add(currency);
            params.add(k.minTotal());
        }
        if (k.minAverage() > 0) {
            sql.append(" AND c.charge_count > 0 AND ").append(net).append(" >= ? * c.charge_count");
            params.add(currency);
            params.add(k.minAverage());
        }
        // Asked automatically before: answered from ix_request_customer (customer_id, manual, ...).
        sql.append(" AND NOT EXISTS (SELECT 1 FROM bb_request r WHERE r.customer_id = c.id AND r.manual = FALSE)");
        // project_id is fixed, so this is trigger order; naming it lets H2 see that the index is already in this
        // order (else it sorts the whole remaining range for every page).
        sql.append(" ORDER BY c.project_id, ").append(t).append(", c.id");
        return new Sql(sql.toString(), params);
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
