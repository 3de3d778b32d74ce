package de.bewertungsbox.api.strategy;

import java.time.Instant;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Applies a project's strategy to its customers. */
@ProviderType
public interface StrategyEngine {

    /**
     * Explains whether a customer qualifies and when the request would go out.
     *
     * @param projectId  the project
     * @param customerId the customer
     * @return the explanation
     * @throws de.bewertungsbox.api.customer.NotFoundException when the customer is not one of the project's
     */
    Eligibility eligibility(UUID projectId, UUID customerId);

    /**
     * @param strategy the strategy
     * @param trigger  when the trigger happened (signup, last payment)
     * @return when the first request is due: the trigger plus the delay, moved to the next opening of the send
     *         window
     */
    Instant firstDue(Strategy strategy, Instant trigger);

    /**
     * @param strategy the strategy
     * @param previous when the previous message went out
     * @param reminder which reminder (0-based)
     * @return when that reminder is due, inside the send window
     */
    Instant reminderDue(Strategy strategy, Instant previous, int reminder);
}
