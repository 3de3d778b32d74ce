package de.bewertungsbox.api.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Each project's request strategy. */
@ProviderType
public interface StrategyStore {

    /**
     * @param projectId the project
     * @return its strategy, empty when it never set one (then {@link Strategy#defaults()} applies)
     */
    Optional<Strategy> find(UUID projectId);

    /**
     * Checks and stores a project's strategy. Requests already scheduled keep their time.
     *
     * @param projectId the project
     * @param strategy  the new strategy
     * @throws de.bewertungsbox.api.customer.ValidationException with every problem, by field path (such as
     *                                                           {@code send_window.time_zone}); nothing is stored
     * @throws de.bewertungsbox.api.customer.NotFoundException   when the project does not exist
     */
    void save(UUID projectId, Strategy strategy);

    /**
     * @param projectId the project
     * @return when its strategy was last switched on, empty while it is off. Customers whose first request would
     *         have been due before that moment are not asked automatically.
     */
    Optional<Instant> activeFrom(UUID projectId);

    /** @return the projects whose strategy is on */
    List<UUID> enabledProjects();
}
