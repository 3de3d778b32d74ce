package de.bewertungsbox.api.notify;

/**
 * A due request claimed by one node for sending.
 *
 * @param request   the request
 * @param token     the request's link token ({@code /r/{token}}, {@code /unsubscribe/{token}})
 * @param recipient the customer it goes to
 */
public record ClaimedRequest(ReviewRequest request, String token, Recipient recipient) {
}
