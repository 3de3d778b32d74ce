package de.bewertungsbox.api.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail the built-in mail sink kept instead of sending (no SMTP server configured).
 *
 * @param id        its id
 * @param requestId the review request it belongs to, or {@code null}
 * @param recipient the address it was for
 * @param subject   its subject
 * @param mime      the whole message as RFC 5322 text
 * @param createdAt when it was captured
 */
public record CapturedMail(UUID id, UUID requestId, String recipient, String subject, String mime,
                           Instant createdAt) {
}
