package de.bewertungsbox.api.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to one customer to write a review, on one channel.
 *
 * @param id         request id
 * @param projectId  the project
 * @param customerId the customer asked
 * @param channel    channel id ({@code email}, {@code sms})
 * @param reminder   0 for the first request, 1 to 3 for reminders
 * @param dueAt      when it is to be sent
 * @param status     outbox status
 * @param attempts   delivery attempts so far
 * @param sentAt     when it was delivered, or {@code null}
 * @param error      the last delivery error, or {@code null}
 */
public record ReviewRequest(UUID id, UUID projectId, UUID customerId, String channel, int reminder, Instant dueAt,
                            RequestStatus status, int attempts, Instant sentAt, String error) {
}
