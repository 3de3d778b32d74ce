package de.bewertungsbox.api.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer found by the due-set query: not yet asked, not opted out, meeting the strategy's conditions.
 *
 * @param id        the customer
 * @param firstName first name
 * @param lastName  last name, or {@code null}
 * @param trigger   the trigger time (signup or last payment)
 * @param hasEmail  whether the customer has an e-mail address
 * @param hasPhone  whether the customer has a phone number
 */
public record DueCustomer(UUID id, String firstName, String lastName, Instant trigger, boolean hasEmail,
                          boolean hasPhone) {
}
