package de.bewertungsbox.api.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A charge as a source delivers it. The customer is named by id, else e-mail, else phone.
 *
 * @param customerId the customer's id
 * @param email      the customer's e-mail, when no id is given
 * @param phone      the customer's phone, when neither id nor e-mail is given
 * @param amount     amount in the currency's minor unit; negative for a refund
 * @param currency   ISO 4217 code, any case
 * @param chargedAt  when the charge happened; {@code null} = now
 * @param source     where the charge came from
 * @param externalId the source's id of the charge; the same id twice stores one charge
 */
public record ChargeInput(UUID customerId, String email, String phone, long amount, String currency,
                          Instant chargedAt, String source, String externalId) {
}
