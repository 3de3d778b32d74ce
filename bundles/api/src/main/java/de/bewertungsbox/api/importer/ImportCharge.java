package de.bewertungsbox.api.importer;

import java.time.Instant;

/**
 * A payment (or refund) of a customer the importing source knows by its own id.
 *
 * @param customerExternalId the source's id of the customer (Stripe: {@code cus_...}); the customer must have been
 *                           imported by the same source before, in this job or an earlier one
 * @param externalId         the source's id of this payment; a payment with a known id updates the stored one (a
 *                           refund that grows changes its amount) instead of adding a second
 * @param amount             in the currency's minor unit; negative for a refund
 * @param currency           ISO 4217 code, any case
 * @param chargedAt          when it was paid
 */
public record ImportCharge(String customerExternalId, String externalId, long amount, String currency,
                           Instant chargedAt) {
}
