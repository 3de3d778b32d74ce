package de.bewertungsbox.api.notify;

import java.util.UUID;

/**
 * A rendered review request, ready for a channel.
 *
 * @param projectId      the project (its own SMTP settings apply, when it has some)
 * @param requestId      the request (used as the e-mail's Message-ID)
 * @param to             the e-mail address or phone number (E.164)
 * @param subject        the e-mail subject, or {@code null} for SMS
 * @param text           the plain-text body
 * @param html           the HTML body, or {@code null}
 * @param unsubscribeUrl the one-click unsubscribe link (RFC 8058), or {@code null}
 */
public record OutboundMessage(UUID projectId, UUID requestId, String to, String subject, String text, String html,
                              String unsubscribeUrl) {
}
