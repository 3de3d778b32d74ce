package de.bewertungsbox.api.notify;

import java.time.Instant;

/**
 * Who a claimed request goes to, as the customer is at the moment of the claim.
 *
 * @param firstName    first name
 * @param lastName     last name, or {@code null}
 * @param company      company, or {@code null}
 * @param email        e-mail address, or {@code null}
 * @param phone        phone number in E.164, or {@code null}
 * @param locationName the customer's location, or {@code null}
 * @param optedOutAt   when the customer opted out, or {@code null}
 * @param clicked      whether the customer has followed any review link of this project
 */
public record Recipient(String firstName, String lastName, String company, String email, String phone,
                        String locationName, Instant optedOutAt, boolean clicked) {
}
