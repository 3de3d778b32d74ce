package de.bewertungsbox.api.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A review request to put into the outbox.
 *
 * @param customerId the customer
 * @param channel    channel id ({@code email}, {@code sms})
 * @param reminder   0 for the first request, 1 to 3 for reminders
 * @param dueAt      when it is to be sent
 */
public record NewRequest(UUID customerId, String channel, int reminder, Instant dueAt) {
}
