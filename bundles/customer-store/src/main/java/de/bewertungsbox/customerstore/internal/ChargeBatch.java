package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importjob.ChargeRow;

/**
 * Stores a batch of imported payments inside the caller's transaction. Customers are found by (source, external
 * id) and known payments by their id with one set query each; new payments are inserted in one JDBC batch; a known
 * payment whose amount changed (a refund that grew) is updated. Each customer's figures change by the batch's net
 * effect: one statement per customer and currency, in customer order so concurrent batches lock rows alike.
 */
final class ChargeBatch {
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

    private record Known(UUID id, UUID customerId, long amount, String currency) {
    }

    /** Net effect on one customer's figures in one currency. */
    private static final class Delta {
        int count;
        long total;
    }

    private ChargeBatch() {
    }

    static BatchResult store(Connection c, UUID projectId, String source, List<ChargeRow> rows, boolean dryRun)
            throws SQLException {
        KeyQuery keys = new KeyQuery(c);
        List<UpsertResult> results = new ArrayList<>(rows.size());
        LinkedHashSet<String> customerRefs = new LinkedHashSet<>();
        LinkedHashSet<String> chargeIds = new LinkedHashSet<>();
        for (ChargeRow r : rows) {
            if (r.charge().customerExternalId() != null) {
                customerRefs.add(r.charge().customerExternalId().strip());
            }
            if (r.charge().externalId() != null) {
                chargeIds.add(r.charge().externalId().strip());
            }
        }
        Map<String, UUID> customers = new HashMap<>();
        if (!customerRefs.isEmpty()) {
            keys.run("SELECT external_id, customer_id FROM bb_customer_ref WHERE project_id = ? AND source = ? AND "
                    + "external_id", List.of(projectId, source), List.copyOf(customerRefs), "VARCHAR",
                    rs -> customers.put(rs.getString(1), rs.getObject(2, UUID.class)));
        }
        Map<String, Known> known = new HashMap<>();
        if (!chargeIds.isEmpty()) {
            // By external id alone, project checked here: with "project_id = ?" in the query, H2 picks the
            // (project_id, external_id) index and tests the IN list against every charge of the project.
            keys.run("SELECT external_id, id, customer_id, amount, currency, project_id FROM bb_charge WHERE "
                    + "external_id", List.of(), List.copyOf(chargeIds), "VARCHAR", rs -> {
                        if (projectId.equals(rs.getObject(6, UUID.class))) {
                            known.put(rs.getString(1), new Known(rs.getObject(2, UUID.class),
                                    rs.getObject(3, UUID.class), rs.getLong(4), rs.getString(5)));
                        }
                    });
        }
        Map<UUID, Map<String, Delta>> deltas = new TreeMap<>();
        Map<UUID, Instant> lastCharge = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportCharge ch = rows.get(i).charge();
            List<FieldError> errors = new ArrayList<>();
            String currency = ch.currency() == null ? "" : ch.currency().strip().toLowerCase(Locale.ROOT);
            if (!CURRENCY.matcher(currency).matches()) {
                errors.add(new FieldError("currency", "must be a three-letter ISO 4217 code, got '"
                        + (ch.currency() == null ? "" : ch.currency()) + "'"));
            }
            String externalId = ch.externalId() == null ? null : ch.externalId().strip();
            if (externalId == null || externalId.isEmpty() || externalId.length() > 255) {
                errors.add(new FieldError("external_id", "a payment needs its source's id (1 to 255 characters)"));
            }
            if (ch.chargedAt() == null) {
                errors.add(new FieldError("charged_at", "is required"));
            }
            String ref = ch.customerExternalId() == null ? null : ch.customerExternalId().strip();
            UUID customer = ref == null ? null : customers.get(ref);
            if (customer == null) {
                errors.add(new FieldError("customer", ref == null || ref.isEmpty() ? "the payment names no customer"
                        : "no customer with " + source + " id '" + ref + "' was imported (the customer record was "
                        + "rejected or is missing)"));
            }
            if (!errors.isEmpty()) {
                results.add(new UpsertResult(i, UpsertOutcome.REJECTED, null, errors));
                continue;
            }
            Known k = known.get(externalId);
            if (k == null) {
                UUID id = Ids.next();
                known.put(externalId, new Known(id, customer, ch.amount(), currency));
                inserts.add(new Object[]{id, customer, ch.amount(), currency, utc(ch.chargedAt()), externalId});
                Delta d = delta(deltas, customer, currency);
                d.count += ch.amount() > 0 ? 1 : 0;
                d.total += ch.amount();
                if (ch.amount() > 0) {
                    lastCharge.merge(customer, ch.chargedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
                results.add(new UpsertResult(i, UpsertOutcome.CREATED, customer, List.of()));
            } else if (k.amount() != ch.amount() && k.currency().equals(currency)) {
                known.put(externalId, new Known(k.id(), k.customerId(), ch.amount(), currency));
                updates.add(new Object[]{ch.amount(), k.id()});
                Delta d = delta(deltas, k.customerId(), currency);
                d.count += (ch.amount() > 0 ? 1 : 0) - (k.amount() > 0 ? 1 : 0);
                d.total += ch.amount() - k.amount();
                results.add(new UpsertResult(i, UpsertOutcome.UPDATED, k.customerId(), List.of()));
            } else {
                results.add(new UpsertResult(i, UpsertOutcome.UNCHANGED, k.customerId(), List.of()));
            }
        }
        if (!dryRun) {
            write(c, projectId, source, inserts, updates, deltas, lastCharge, Dialect.of(c));
        }
        return new BatchResult(results);
    }

    private static void write(Connection c, UUID projectId, String source, List<Object[]> inserts,
                              List<Object[]> updates, Map<UUID, Map<String, Delta>> deltas,
                              Map<UUID, Instant> lastCharge, Dialect dialect) throws SQLException {
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bb_charge (id, project_id, customer_id, "
                    + "amount, currency, charged_at, source, external_id) VALUES (?,?,?,?,?,?,?,?)")) {
                for (Object[] r : inserts) {
                    ps.setObject(1, r[0]);
                    ps.setObject(2, projectId);
                    ps.setObject(3, r[1]);
                    ps.setLong(4, (Long) r[2]);
                    ps.setString(5, (String) r[3]);
                    ps.setObject(6, r[4]);
                    ps.setString(7, source);
                    ps.setString(8, (String) r[5]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE bb_charge SET amount = ? WHERE id = ?")) {
                for (Object[] r : updates) {
                    ps.setLong(1, (Long) r[0]);
                    ps.setObject(2, r[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        String spend = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO bb_customer_spend (customer_id, currency, charge_count, net_total) VALUES (?,?,?,?) "
                + "ON CONFLICT (customer_id, currency) DO UPDATE SET charge_count = bb_customer_spend.charge_count "
                + "+ EXCLUDED.charge_count, net_total = bb_customer_spend.net_total + EXCLUDED.net_total"
                : "MERGE INTO bb_customer_spend t USING (VALUES (CAST(? AS UUID), CAST(? AS VARCHAR(3)), "
                + "CAST(? AS INTEGER), CAST(? AS BIGINT))) s (customer_id, currency, n, amount) ON t.customer_id = "
                + "s.customer_id AND t.currency = s.currency WHEN MATCHED THEN UPDATE SET charge_count = "
                + "t.charge_count + s.n, net_total = t.net_total + s.amount WHEN NOT MATCHED THEN INSERT "
                + "(customer_id, currency, charge_count, net_total) VALUES (s.customer_id, s.currency, s.n, s.amount)";
        try (PreparedStatement ps = c.prepareStatement(spend);
             PreparedStatement cust = c.prepareStatement("UPDATE bb_customer SET charge_count = charge_count + ?, "
                     + "last_charge_at = CASE WHEN CAST(? AS TIMESTAMP) IS NOT NULL AND (last_charge_at IS NULL OR "
                     + "last_charge_at < CAST(? AS TIMESTAMP)) THEN CAST(? AS TIMESTAMP) ELSE last_charge_at END "
                     + "WHERE id = ?")) {
            for (Map.Entry<UUID, Map<String, Delta>> e : deltas.entrySet()) {
                int count = 0;
                for (Map.Entry<String, Delta> d : e.getValue().entrySet()) {
                    ps.setObject(1, e.getKey());
                    ps.setString(2, d.getKey());
                    ps.setInt(3, d.getValue().count);
                    ps.setLong(4, d.getValue().total);
                    ps.addBatch();
                    count += d.getValue().count;
                }
                Instant last = lastCharge.get(e.getKey());
                LocalDateTime at = last == null ? null : utc(last);
                cust.setInt(1, count);
                for (int k = 2; k <= 4; k++) {
                    if (at == null) {
                        cust.setNull(k, Types.TIMESTAMP);
                    } else {
                        cust.setObject(k, at);
                    }
                }
                cust.setObject(5, e.getKey());
                cust.addBatch();
            }
            ps.executeBatch();
            cust.executeBatch();
        }
    }

    private static Delta delta(Map<UUID, Map<String, Delta>> deltas, UUID customer, String currency) {
        return deltas.computeIfAbsent(customer, k -> new TreeMap<>()).computeIfAbsent(currency, k -> new Delta());
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
