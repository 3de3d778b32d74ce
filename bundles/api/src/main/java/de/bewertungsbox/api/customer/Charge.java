package de.bewertungsbox.api.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored charge. Money is an integer in minor units; a refund is negative.
 *
 * @param id         charge id
 * @param projectId  owning project
 * @param customerId the customer charged
 * @param amount     minor units, negative for refunds
 * @param currency   lower-case ISO 4217 code
 * @param chargedAt  when it happened (UTC)
 * @param source     where it came from
 * @param externalId the source's id, or {@code null}
 */
public record Charge(UUID id, UUID projectId, UUID customerId, long amount, String currency, Instant chargedAt,
                     String source, String externalId) {
}
