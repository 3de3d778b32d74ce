package de.bewertungsbox.api.strategy;

import java.time.Instant;
import java.util.List;
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

    /**
     * Schedules the first request of every customer of the project who is due now, meets the strategy's
     * conditions and has never been asked automatically. Runs in the database in pages; safe to call from several
     * nodes at once (a customer is scheduled once).
     *
     * @param projectId the project
     * @return how many requests were scheduled (one per channel)
     */
    int evaluate(UUID projectId);

    /**
     * The cheap periodic pass: schedules the customers whose delay ran out since {@code since} (the due-set query
     * over that time slice only). Customers whose data changed so that they now qualify are found by the next full
     * {@link #evaluate(UUID)}.
     *
     * @param projectId the project
     * @param since     the previous pass's time
     * @return how many requests were scheduled
     */
    int evaluate(UUID projectId, Instant since);

    /**
     * Who the strategy would ask in the next days: customers whose moment (trigger plus delay) comes from now on,
     * also when the strategy is off.
     *
     * @param projectId the project
     * @param days      how many days ahead, 1 to 90
     * @param limit     at most this many customers, earliest first
     * @return the customers and when each would be asked
     */
    List<Preview> preview(UUID projectId, int days, int limit);

    /**
     * One customer the strategy would ask.
     *
     * @param customerId the customer
     * @param firstName  first name
     * @param lastName   last name, or {@code null}
     * @param channels   the channels the request would go out on (those the customer has an address for)
     * @param sendAt     when
     */
    record Preview(UUID customerId, String firstName, String lastName, List<String> channels, Instant sendAt) {
        /** Makes the channels immutable. */
        public Preview {
            channels = List.copyOf(channels);
        }
    }
}
