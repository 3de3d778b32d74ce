package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * Changes one customer found by id (a partial update): the given fields over the stored ones, validated as a
 * whole through the one validation path, written in one statement. Stateless apart from its collaborators.
 */
final class CustomerPatcher {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource ds;
    private final Clock clock;

    CustomerPatcher(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    UpsertResult patch(UUID projectId, String region, Customer current, CustomerInput patch) {
        String location = patch.location() != null ? patch.location()
                : current.locationId() == null ? null : current.locationId().toString();
        CustomerInput merged = new CustomerInput(or(patch.firstName(), current.firstName()),
                or(patch.lastName(), current.lastName()), or(patch.email(), current.email()),
                or(patch.phone(), current.phone()), or(patch.company(), current.company()), location,
                patch.signedUpAt() != null ? patch.signedUpAt() : current.signedUpAt(),
                patch.hasSubscription() != null ? patch.hasSubscription() : current.hasSubscription(),
                patch.unsubscribedAt() != null ? patch.unsubscribedAt() : current.optedOutAt(),
                patch.source() == null || patch.source().isBlank() ? "api" : patch.source(), null);
        try (Connection c = ds.getConnection()) {
            Map<String, UUID> locations = Locations.load(c, projectId);
            CustomerNormaliser.Result r = CustomerNormaliser.normalise(merged, region,
                    key -> Locations.resolve(locations, key), clock.instant());
            if (!r.ok()) {
                return new UpsertResult(0, UpsertOutcome.REJECTED, null, r.errors());
            }
            Normalised n = r.value();
            Set<String> sources = new LinkedHashSet<>(current.sources());
            sources.add(n.source());
            boolean changed = !same(n, current) || sources.size() != current.sources().size();
            if (!changed) {
                return new UpsertResult(0, UpsertOutcome.UNCHANGED, current.id(), List.of());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE bb_customer SET first_name=?, last_name=?, "
                    + "email=?, phone=?, company=?, location_id=?, signed_up_at=?, has_subscription=?, opted_out_at=?, "
                    + "sources=?, updated_at=? WHERE id=? AND project_id=?")) {
                ps.setString(1, n.firstName());
                ps.setString(2, n.lastName());
                ps.setString(3, n.email());
                ps.setString(4, n.phone());
                ps.setString(5, n.company());
                ps.setObject(6, n.locationId());
                ps.setObject(7, Times.toUtc(n.signedUpAt()));
                ps.setBoolean(8, Boolean.TRUE.equals(n.hasSubscription()));
                ps.setObject(9, Times.toUtc(n.unsubscribedAt()));
                ps.setString(10, String.join(",", sources));
                ps.setObject(11, Times.toUtc(clock.instant()));
                ps.setObject(12, current.id());
                ps.setObject(13, projectId);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return new UpsertResult(0, UpsertOutcome.REJECTED, null, List.of(new FieldError("email",
                            "'" + n.email() + "' belongs to another customer of this project")));
                }
                throw e;
            }
            return new UpsertResult(0, UpsertOutcome.UPDATED, current.id(), List.of());
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not update the customer: " + e.getMessage(), e);
        }
    }

    private static boolean same(Normalised n, Customer c) {
        return eq(n.firstName(), c.firstName()) && eq(n.lastName(), c.lastName()) && eq(n.email(), c.email())
                && eq(n.phone(), c.phone()) && eq(n.company(), c.company()) && eq(n.locationId(), c.locationId())
                && eq(micros(n.signedUpAt()), micros(c.signedUpAt()))
                && Boolean.TRUE.equals(n.hasSubscription()) == c.hasSubscription()
                && eq(micros(n.unsubscribedAt()), micros(c.optedOutAt()));
    }

    private static Instant micros(Instant i) {
        return i == null ? null : i.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static boolean eq(Object a, Object b) {
        return java.util.Objects.equals(a, b);
    }

    private static String or(String patch, String current) {
        return patch != null && !patch.isBlank() ? patch : current;
    }
}
