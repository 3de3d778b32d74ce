package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.Charge;
import de.bewertungsbox.api.customer.ChargeInput;
import de.bewertungsbox.api.customer.ChargeResult;
import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.customerstore.internal.jpa.ChargeEntity;
import de.bewertungsbox.customerstore.internal.jpa.CustomerEntity;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * {@link CustomerStore} over one database: writes through JDBC batches ({@link BulkUpserter}, {@link ChargeWriter}),
 * reads through JPA. Every statement carries the project id. Thread-safe.
 */
public final class DbCustomerStore implements CustomerStore {
    private final DataSource ds;
    private final Jpa jpa;
    private final Clock clock;
    private final BulkUpserter upserter;
    private final CustomerPatcher patcher;
    private final ChargeWriter charges;
    private final Map<UUID, String> regions = new ConcurrentHashMap<>();

    /**
     * @param ds    the database
     * @param jpa   transactions over the persistence unit
     * @param clock time source
     */
    public DbCustomerStore(DataSource ds, Jpa jpa, Clock clock) {
        this.ds = ds;
        this.jpa = jpa;
        this.clock = clock;
        this.upserter = new BulkUpserter(ds, clock);
        this.charges = new ChargeWriter(ds, clock);
        this.patcher = new CustomerPatcher(ds, clock);
    }

    @Override
    public UpsertResult update(UUID projectId, UUID customerId, CustomerInput patch) {
        Customer current = find(projectId, customerId)
                .orElseThrow(() -> new NotFoundException("no customer " + customerId));
        return patcher.patch(projectId, region(projectId), current, patch);
    }

    @Override
    public List<FieldError> validate(UUID projectId, CustomerInput input) {
        return upserter.check(new BulkUpserter.ProjectRef(projectId, region(projectId)), input);
    }

    @Override
    public UpsertResult upsert(UUID projectId, CustomerInput input) {
        return upsertAll(projectId, List.of(input)).results().get(0);
    }

    @Override
    public BatchResult upsertAll(UUID projectId, List<CustomerInput> inputs) {
        if (inputs.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " records, got " + inputs.size());
        }
        if (inputs.isEmpty()) {
            return new BatchResult(List.of());
        }
        return upserter.upsert(new BulkUpserter.ProjectRef(projectId, region(projectId)), inputs);
    }

    /**
     * The bulk path with the import engine's extras: errors found before validation, dry run, and more work in
     * the batch's transaction (see {@link BulkUpserter#upsert(BulkUpserter.ProjectRef, List, List, boolean,
     * BulkUpserter.AfterWrite)}).
     */
    BatchResult upsertForImport(UUID projectId, List<CustomerInput> inputs, List<List<FieldError>> preErrors,
                                boolean dryRun, BulkUpserter.AfterWrite after) {
        if (inputs.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " records, got " + inputs.size());
        }
        return upserter.upsert(new BulkUpserter.ProjectRef(projectId, region(projectId)), inputs, preErrors, dryRun,
                after);
    }

    @Override
    public Optional<Customer> find(UUID projectId, UUID customerId) {
        return jpa.tx(em -> {
            CustomerEntity e = em.find(CustomerEntity.class, customerId);
            if (e == null || !e.projectId.equals(projectId)) {
                return Optional.<Customer>empty();
            }
            return Optional.of(toRecord(e, spend(em, List.of(customerId)).getOrDefault(customerId, Map.of())));
        });
    }

    @Override
    public Page<Customer> list(UUID projectId, CustomerQuery q) {
        int limit = Math.max(1, Math.min(1000, q.limit()));
        StringBuilder jpql = new StringBuilder("SELECT c FROM CustomerEntity c WHERE c.projectId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", projectId);
        String region = region(projectId);
        if (q.email() != null) {
            jpql.append(" AND c.email = :email");
            params.put("email", Optional.ofNullable(CustomerNormaliser.normaliseEmail(q.email())).orElse(q.email()));
        }
        if (q.phone() != null) {
            jpql.append(" AND c.phone = :phone");
            params.put("phone", Optional.ofNullable(CustomerNormaliser.normalisePhone(q.phone(), region)).orElse(q.phone()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            jpql.append(" AND (LOWER(c.firstName) LIKE :t OR LOWER(c.lastName) LIKE :t OR LOWER(c.company) LIKE :t"
                    + " OR c.email LIKE :t)");
            params.put("t", "%" + q.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (q.source() != null) {
            jpql.append(" AND (c.sources = :s OR c.sources LIKE :s1 OR c.sources LIKE :s2 OR c.sources LIKE :s3)");
            String s = q.source().toLowerCase(Locale.ROOT);
            params.put("s", s);
            params.put("s1", s + ",%");
            params.put("s2", "%," + s);
            params.put("s3", "%," + s + ",%");
        }
        if (q.after() != null) {
            jpql.append(" AND c.id > :after");
            params.put("after", q.after());
        }
        return jpa.tx(em -> {
            if (q.location() != null) {
                UUID loc = locationId(em, projectId, q.location());
                if (loc == null) {
                    return new Page<Customer>(List.of(), false, null);
                }
                params.put("loc", loc);
            }
            String text = jpql + (q.location() != null ? " AND c.locationId = :loc" : "") + " ORDER BY c.id";
            TypedQuery<CustomerEntity> tq = em.createQuery(text, CustomerEntity.class).setMaxResults(limit + 1);
            params.forEach(tq::setParameter);
            List<CustomerEntity> rows = tq.getResultList();
            boolean more = rows.size() > limit;
            List<CustomerEntity> page = more ? rows.subList(0, limit) : rows;
            Map<UUID, Map<String, Long>> spend = spend(em, page.stream().map(e -> e.id).toList());
            List<Customer> data = page.stream().map(e -> toRecord(e, spend.getOrDefault(e.id, Map.of()))).toList();
            return new Page<>(data, more, more ? page.get(page.size() - 1).id.toString() : null);
        });
    }

    @Override
    public long count(UUID projectId) {
        return jpa.tx(em -> em.createQuery("SELECT COUNT(c) FROM CustomerEntity c WHERE c.projectId = :p", Long.class)
                .setParameter("p", projectId).getSingleResult());
    }

    @Override
    public boolean erase(UUID projectId, UUID customerId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM bb_customer WHERE id = ? AND project_id = ?")) {
            ps.setObject(1, customerId);
            ps.setObject(2, projectId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not erase customer: " + e.getMessage(), e);
        }
    }

    @Override
    public ChargeResult addCharge(UUID projectId, ChargeInput input) {
        return charges.add(projectId, region(projectId), input);
    }

    @Override
    public List<Charge> charges(UUID projectId, UUID customerId) {
        return jpa.tx(em -> {
            CustomerEntity e = em.find(CustomerEntity.class, customerId);
            if (e == null || !e.projectId.equals(projectId)) {
                throw new NotFoundException("no such customer in this project");
            }
            return em.createQuery("SELECT ch FROM ChargeEntity ch WHERE ch.projectId = :p AND ch.customerId = :c "
                            + "ORDER BY ch.chargedAt DESC, ch.id DESC", ChargeEntity.class)
                    .setParameter("p", projectId).setParameter("c", customerId).getResultList().stream()
                    .map(ChargeEntity::toRecord).toList();
        });
    }

    /** The project's phone region; also proves the project exists. */
    String region(UUID projectId) {
        String cached = regions.get(projectId);
        if (cached != null) {
            return cached;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT default_region FROM bb_project WHERE id = ?")) {
            ps.setObject(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no such project");
                }
                regions.put(projectId, rs.getString(1));
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read project: " + e.getMessage(), e);
        }
    }

    private static UUID locationId(EntityManager em, UUID projectId, String key) {
        List<?> ids = em.createNativeQuery("SELECT id FROM bb_location WHERE project_id = ? AND (slug = ? OR "
                        + "CAST(id AS VARCHAR(36)) = ?)")
                .setParameter(1, projectId).setParameter(2, key.toLowerCase(Locale.ROOT))
                .setParameter(3, key.toLowerCase(Locale.ROOT)).getResultList();
        return ids.isEmpty() ? null : UUID.fromString(ids.get(0).toString());
    }

    private static Map<UUID, Map<String, Long>> spend(EntityManager em, List<UUID> ids) {
        Map<UUID, Map<String, Long>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        javax.persistence.Query q = em.createNativeQuery("SELECT customer_id, currency, net_total FROM "
                + "bb_customer_spend WHERE customer_id IN (" + in + ")");
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 1, ids.get(i));
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            UUID id = r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString());
            out.computeIfAbsent(id, k -> new HashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return out;
    }

    private static Customer toRecord(CustomerEntity e, Map<String, Long> spend) {
        Set<String> sources = new LinkedHashSet<>(List.of(e.sources.split(",")));
        sources.remove("");
        return new Customer(e.id, e.projectId, e.firstName, e.lastName, e.email, e.phone, e.company, e.locationId,
                Times.toInstant(e.signedUpAt), e.hasSubscription, Times.toInstant(e.optedOutAt), sources,
                e.chargeCount, spend, Times.toInstant(e.lastChargeAt), Times.toInstant(e.createdAt),
                Times.toInstant(e.updatedAt));
    }

}
