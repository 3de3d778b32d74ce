package de.bewertungsbox.api.customer;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stored, normalised customer of a project, with the billing figures kept up to date as charges arrive.
 *
 * @param id              customer id (time-ordered UUID)
 * @param projectId       owning project
 * @param firstName       first name, never blank
 * @param lastName        last name or {@code null}
 * @param email           lower-cased e-mail or {@code null}
 * @param phone           E.164 phone or {@code null}
 * @param company         company or {@code null}
 * @param locationId      location or {@code null}
 * @param signedUpAt      signup time (UTC)
 * @param hasSubscription whether a subscription is active
 * @param optedOutAt      when the customer opted out of review requests, or {@code null}
 * @param sources         every source that delivered this customer
 * @param chargeCount     number of charges (refunds included)
 * @param totalSpent      net spend per lower-case ISO 4217 currency, in minor units
 * @param lastChargeAt    time of the latest charge, or {@code null}
 * @param createdAt       creation time
 * @param updatedAt       last change
 */
public record Customer(UUID id, UUID projectId, String firstName, String lastName, String email, String phone,
                       String company, UUID locationId, Instant signedUpAt, boolean hasSubscription,
                       Instant optedOutAt, Set<String> sources, int chargeCount, Map<String, Long> totalSpent,
                       Instant lastChargeAt, Instant createdAt, Instant updatedAt) {
    /** Makes the collections immutable. */
    public Customer {
        sources = Set.copyOf(sources);
        totalSpent = Map.copyOf(totalSpent);
    }
}
