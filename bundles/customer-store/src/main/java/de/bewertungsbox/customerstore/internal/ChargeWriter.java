package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import de.bewertungsbox.api.customer.Charge;
import de.bewertungsbox.api.customer.ChargeInput;
import de.bewertungsbox.api.customer.ChargeResult;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.ValidationException;

/**
 * Records charges and keeps each customer's figures ({@code charge_count}, {@code last_charge_at}, net total per
 * currency) current in the same transaction, so strategies never re-aggregate all charges. Refunds are negative
 * amounts: they lower the net total and do not count as charges.
 */
final class ChargeWriter {
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

    private final DataSource ds;
    private final Clock clock;

    ChargeWriter(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    ChargeResult add(UUID projectId, String region, ChargeInput in) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String currency = in.currency() == null ? "" : in.currency().strip().toLowerCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            errors.add(new FieldError("currency", "must be a three-letter ISO 4217 code such as 'eur'"));
        }
        String source = CustomerNormaliser.source(in.source(), errors);
        String externalId = CustomerNormaliser.externalId(in.externalId(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant at = in.chargedAt() == null ? clock.instant() : in.chargedAt();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    UUID customerId = customer(c, projectId, region, in);
                    if (externalId != null) {
                        Optional<Charge> known = byExternalId(c, projectId, externalId);
                        if (known.isPresent()) {
                            c.commit();
                            return new ChargeResult(known.get(), false);
                        }
                    }
                    Charge charge = new Charge(Ids.next(), projectId, customerId, in.amount(), currency, at, source,
                            externalId);
                    insert(c, charge);
                    c.commit();
                    return new ChargeResult(charge, true);
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt == 1 && "23505".equals(e.getSQLState())) {
                        continue;
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreUnavailableException("could not store charge: " + e.getMessage(), e);
            }
        }
    }

    private static UUID customer(Connection c, UUID projectId, String region, ChargeInput in) throws SQLException {
        String column;
        Object value;
        if (in.customerId() != null) {
            column = "id";
            value = in.customerId();
        } else if (in.email() != null && !in.email().isBlank()) {
            column = "email";
            value = CustomerNormaliser.normaliseEmail(in.email());
        } else if (in.phone() != null && !in.phone().isBlank()) {
            column = "phone";
            value = CustomerNormaliser.normalisePhone(in.phone(), region);
        } else {
            throw new ValidationException(List.of(new FieldError("customer",
                    "name the customer by customer_id, email or phone")));
        }
        if (value != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM bb_customer WHERE project_id = ? AND "
                    + column + " = ? ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
                ps.setObject(1, projectId);
                ps.setObject(2, value);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getObject(1, UUID.class);
                    }
                }
            }
        }
        throw new NotFoundException("no customer with that " + ("id".equals(column) ? "id" : column)
                + " in this project");
    }

    private static Optional<Charge> byExternalId(Connection c, UUID projectId, String externalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, customer_id, amount, currency, charged_at, source "
                + "FROM bb_charge WHERE project_id = ? AND external_id = ?")) {
            ps.setObject(1, projectId);
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Charge(rs.getObject(1, UUID.class), projectId, rs.getObject(2, UUID.class),
                        rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString(6), externalId));
            }
        }
    }

    private static void insert(Connection c, Charge ch) throws SQLException {
        LocalDateTime at = LocalDateTime.ofInstant(ch.chargedAt(), ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bb_charge (id, project_id, customer_id, amount, "
                + "currency, charged_at, source, external_id) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, ch.id());
            ps.setObject(2, ch.projectId());
            ps.setObject(3, ch.customerId());
            ps.setLong(4, ch.amount());
            ps.setString(5, ch.currency());
            ps.setObject(6, at);
            ps.setString(7, ch.source());
            ps.setString(8, ch.externalId());
            ps.executeUpdate();
        }
        int counted = ch.amount() > 0 ? 1 : 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE bb_customer_spend SET charge_count = charge_count + ?, "
                + "net_total = net_total + ? WHERE customer_id = ? AND currency = ?")) {
            ps.setInt(1, counted);
            ps.setLong(2, ch.amount());
            ps.setObject(3, ch.customerId());
            ps.setString(4, ch.currency());
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO bb_customer_spend (customer_id, currency, "
                        + "charge_count, net_total) VALUES (?,?,?,?)")) {
                    ins.setObject(1, ch.customerId());
                    ins.setString(2, ch.currency());
                    ins.setInt(3, counted);
                    ins.setLong(4, ch.amount());
                    ins.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE bb_customer SET charge_count = charge_count + ?, "
                + "last_charge_at = CASE WHEN ? = 1 AND (last_charge_at IS NULL OR last_charge_at < ?) THEN ? ELSE "
                + "last_charge_at END WHERE id = ?")) {
            // A refund is no payment: it does not move the last charge (a strategy's trigger).
            ps.setInt(1, counted);
            ps.setInt(2, counted);
            ps.setObject(3, at);
            ps.setObject(4, at);
            ps.setObject(5, ch.customerId());
            ps.executeUpdate();
        }
    }
}
