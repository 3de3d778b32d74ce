package de.bewertungsbox.customerstore.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import de.bewertungsbox.api.customer.ApiKey;
import de.bewertungsbox.api.customer.CreatedApiKey;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.Location;
import de.bewertungsbox.api.customer.LocationInput;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.customerstore.internal.jpa.ApiKeyEntity;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;
import de.bewertungsbox.customerstore.internal.jpa.LocationEntity;
import de.bewertungsbox.customerstore.internal.jpa.ProjectEntity;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/**
 * Projects, locations and API keys through JPA (EclipseLink). API keys look like {@code bb_<prefix>_<secret>}; only
 * the prefix and the SHA-256 of the whole key are stored (the key carries 160 random bits, so a fast hash is
 * enough), compared in constant time. Thread-safe.
 */
public final class JpaProjectStore implements ProjectStore {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    private final Jpa jpa;
    private final Clock clock;
    private final String defaultRegion;

    /**
     * @param jpa           transactions over the persistence unit
     * @param clock         time source
     * @param defaultRegion phone region for new projects
     */
    public JpaProjectStore(Jpa jpa, Clock clock, String defaultRegion) {
        this.jpa = jpa;
        this.clock = clock;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public Project create(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new ValidationException(List.of(new FieldError("name", n.isEmpty() ? "is required"
                    : "is longer than 200 characters")));
        }
        return jpa.tx(em -> {
            String base = Tokens.slug(n);
            String slug = base;
            for (int i = 2; !em.createQuery("SELECT p.id FROM ProjectEntity p WHERE p.slug = :s")
                    .setParameter("s", slug).getResultList().isEmpty(); i++) {
                slug = base + "-" + i;
            }
            ProjectEntity p = new ProjectEntity();
            p.id = Ids.next();
            p.slug = slug;
            p.name = n;
            p.bccToken = Tokens.random(24);
            p.defaultRegion = defaultRegion;
            p.createdAt = Times.toUtc(clock.instant());
            em.persist(p);
            return p.toRecord();
        });
    }

    @Override
    public List<Project> list() {
        return jpa.tx(em -> em.createQuery("SELECT p FROM ProjectEntity p ORDER BY p.id", ProjectEntity.class)
                .getResultList().stream().map(ProjectEntity::toRecord).toList());
    }

    @Override
    public Optional<Project> find(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank()) {
            return Optional.empty();
        }
        String key = idOrSlug.strip();
        return jpa.tx(em -> {
            ProjectEntity p = null;
            try {
                p = em.find(ProjectEntity.class, UUID.fromString(key));
            } catch (IllegalArgumentException notUuid) {
                List<ProjectEntity> r = em.createQuery("SELECT p FROM ProjectEntity p WHERE p.slug = :s",
                        ProjectEntity.class).setParameter("s", key.toLowerCase(Locale.ROOT)).getResultList();
                p = r.isEmpty() ? null : r.get(0);
            }
            return Optional.ofNullable(p).map(ProjectEntity::toRecord);
        });
    }

    @Override
    public Optional<Project> findByBccToken(String bccToken) {
        return jpa.tx(em -> em.createQuery("SELECT p FROM ProjectEntity p WHERE p.bccToken = :t", ProjectEntity.class)
                .setParameter("t", bccToken).getResultList().stream().findFirst().map(ProjectEntity::toRecord));
    }

    @Override
    public CreatedApiKey createApiKey(UUID projectId, String label) {
        if (label != null && label.length() > 200) {
            throw new ValidationException(List.of(new FieldError("label", "is longer than 200 characters")));
        }
        return jpa.tx(em -> {
            if (em.find(ProjectEntity.class, projectId) == null) {
                throw new NotFoundException("no such project");
            }
            String prefix = "bb_" + Tokens.random(10);
            String secret = prefix + "_" + Tokens.random(32);
            ApiKeyEntity k = new ApiKeyEntity();
            k.id = Ids.next();
            k.projectId = projectId;
            k.prefix = prefix;
            k.keyHash = Tokens.sha256(secret);
            k.label = label == null ? null : label.strip();
            k.createdAt = Times.toUtc(clock.instant());
            em.persist(k);
            return new CreatedApiKey(k.toRecord(), secret);
        });
    }

    @Override
    public List<ApiKey> apiKeys(UUID projectId) {
        return jpa.tx(em -> em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.projectId = :p ORDER BY k.id DESC",
                ApiKeyEntity.class).setParameter("p", projectId).getResultList().stream()
                .map(ApiKeyEntity::toRecord).toList());
    }

    @Override
    public boolean revokeApiKey(UUID projectId, UUID keyId) {
        boolean revoked = jpa.tx(em -> {
            ApiKeyEntity k = em.find(ApiKeyEntity.class, keyId);
            if (k == null || !k.projectId.equals(projectId)) {
                return false;
            }
            if (k.revokedAt == null) {
                k.revokedAt = Times.toUtc(clock.instant());
            }
            return true;
        });
        accepted.clear();
        return revoked;
    }

    /** Recently accepted keys by hash: a client making many calls costs one query per {@link #AUTH_TTL_NANOS}. */
    private final Map<String, CachedKey> accepted = new ConcurrentHashMap<>();
    /** How long an accepted key is trusted without asking the database; a revocation on this node clears it. */
    private static final long AUTH_TTL_NANOS = 10_000_000_000L;

    private record CachedKey(Project project, long until) {
    }

    @Override
    public Optional<Project> authenticate(String secret) {
        if (secret == null || !secret.startsWith("bb_") || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(secret);
        CachedKey cached = accepted.get(hash);
        if (cached != null && cached.until() - System.nanoTime() > 0) {
            return Optional.of(cached.project());
        }
        Optional<Project> found = lookUp(secret, hash);
        if (found.isPresent()) {
            if (accepted.size() > 10_000) {
                accepted.clear();
            }
            accepted.put(hash, new CachedKey(found.get(), System.nanoTime() + AUTH_TTL_NANOS));
        } else {
            accepted.remove(hash);
        }
        return found;
    }

    private Optional<Project> lookUp(String secret, String hash) {
        int sep = secret.indexOf('_', 3);
        if (sep < 0) {
            return Optional.empty();
        }
        String prefix = secret.substring(0, sep);
        return jpa.tx(em -> {
            List<ApiKeyEntity> keys = em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.prefix = :p",
                    ApiKeyEntity.class).setParameter("p", prefix).getResultList();
            if (keys.isEmpty()) {
                return Optional.<Project>empty();
            }
            ApiKeyEntity k = keys.get(0);
            if (!Tokens.sameHash(hash, k.keyHash) || k.revokedAt != null) {
                return Optional.<Project>empty();
            }
            return Optional.ofNullable(em.find(ProjectEntity.class, k.projectId)).map(ProjectEntity::toRecord);
        });
    }

    @Override
    public Location addLocation(UUID projectId, LocationInput input) {
        List<FieldError> errors = new ArrayList<>();
        String slug = input.slug() == null ? "" : input.slug().strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("slug", "must be 1 to 64 lower-case letters, digits or dashes"));
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", name.isEmpty() ? "is required" : "is longer than 200 characters"));
        }
        String url = input.reviewUrl() == null || input.reviewUrl().isBlank() ? null : input.reviewUrl().strip();
        if (url != null && !isHttpUrl(url)) {
            errors.add(new FieldError("review_url", "must be an http or https URL"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return jpa.tx(em -> {
            if (em.find(ProjectEntity.class, projectId) == null) {
                throw new NotFoundException("no such project");
            }
            if (!em.createQuery("SELECT l.id FROM LocationEntity l WHERE l.projectId = :p AND l.slug = :s")
                    .setParameter("p", projectId).setParameter("s", slug).getResultList().isEmpty()) {
                throw new ValidationException(List.of(new FieldError("slug", "'" + slug + "' is already taken")));
            }
            LocationEntity l = new LocationEntity();
            l.id = UUID.randomUUID();
            l.projectId = projectId;
            l.slug = slug;
            l.name = name;
            l.reviewUrl = url;
            l.createdAt = Times.toUtc(clock.instant());
            em.persist(l);
            return l.toRecord();
        });
    }

    @Override
    public List<Location> locations(UUID projectId) {
        return jpa.tx(em -> em.createQuery("SELECT l FROM LocationEntity l WHERE l.projectId = :p ORDER BY l.slug",
                LocationEntity.class).setParameter("p", projectId).getResultList().stream()
                .map(LocationEntity::toRecord).toList());
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && s.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
