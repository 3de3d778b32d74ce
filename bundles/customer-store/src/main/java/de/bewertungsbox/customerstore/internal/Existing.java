package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers of the project that the batch's identities already match, indexed three ways. */
final class Existing {
    final Map<UUID, CustomerRow> rows = new HashMap<>();
    final Map<String, CustomerRow> byRef = new HashMap<>();
    final Map<String, CustomerRow> byEmail = new HashMap<>();
    final Map<String, CustomerRow> byPhone = new HashMap<>();

    static String refKey(String source, String externalId) {
        return source + '\u0000' + externalId;
    }

    void index(CustomerRow r) {
        if (r.email != null) {
            byEmail.putIfAbsent(r.email, r);
        }
        if (r.phone != null) {
            byPhone.putIfAbsent(r.phone, r);
        }
    }

    static Existing load(Connection c, UUID projectId, Normalised[] batch) throws SQLException {
        Existing ex = new Existing();
        Map<String, List<String>> refsBySource = new HashMap<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (Normalised n : batch) {
            if (n == null) {
                continue;
            }
            if (n.externalId() != null) {
                refsBySource.computeIfAbsent(n.source(), s -> new ArrayList<>()).add(n.externalId());
            }
            if (n.email() != null) {
                emails.add(n.email());
            } else if (n.phone() != null) {
                phones.add(n.phone());
            }
        }
        Map<String, UUID> refIds = new HashMap<>();
        KeyQuery q = new KeyQuery(c);
        for (Map.Entry<String, List<String>> e : refsBySource.entrySet()) {
            q.run("SELECT external_id, customer_id FROM bb_customer_ref WHERE project_id = ? AND source = ? AND "
                    + "external_id", List.of(projectId, e.getKey()), e.getValue(), "VARCHAR", rs ->
                    refIds.put(refKey(e.getKey(), rs.getString(1)), rs.getObject(2, UUID.class)));
        }
        if (!refIds.isEmpty()) {
            ex.select(q, projectId, "id", List.copyOf(new java.util.HashSet<>(refIds.values())), "UUID");
            refIds.forEach((key, id) -> ex.byRef.put(key, ex.rows.get(id)));
        }
        if (!emails.isEmpty()) {
            ex.select(q, projectId, "email", emails, "VARCHAR");
        }
        if (!phones.isEmpty()) {
            ex.select(q, projectId, "phone", phones, "VARCHAR");
        }
        return ex;
    }

    private void select(KeyQuery q, UUID projectId, String column, List<?> keys, String type) throws SQLException {
        q.run("SELECT " + CustomerRow.COLUMNS + " FROM bb_customer WHERE project_id = ? AND " + column,
                List.of(projectId), keys, type, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (rows.containsKey(id)) {
                        return;
                    }
                    CustomerRow r = new CustomerRow(id, false);
                    r.firstName = rs.getString(2);
                    r.lastName = rs.getString(3);
                    r.email = rs.getString(4);
                    r.phone = rs.getString(5);
                    r.company = rs.getString(6);
                    r.locationId = rs.getObject(7, UUID.class);
                    r.signedUpAt = rs.getObject(8, LocalDateTime.class);
                    r.hasSubscription = rs.getBoolean(9);
                    r.optedOutAt = rs.getObject(10, LocalDateTime.class);
                    r.sourcesFromColumn(rs.getString(11));
                    rows.put(id, r);
                    index(r);
                });
    }
}
