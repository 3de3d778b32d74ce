package de.bewertungsbox.notifier.internal;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, with one change: the outbox records the request as sent right before the final
 * {@code "."} of DATA. A node killed before that point has not released the message (the server drops an
 * unfinished DATA) and the request is sent again later; killed after it, the message is recorded. The window in
 * which a kill loses or doubles a message shrinks to the write of one line.
 */
final class ConfirmingTransport extends SMTPTransport {
    private final BooleanSupplier confirm;
    private boolean confirmed;
    private boolean refused;

    ConfirmingTransport(Session session, boolean ssl, BooleanSupplier confirm) {
        super(session, new URLName(ssl ? "smtps" : "smtp", null, -1, null, null, null), ssl ? "smtps" : "smtp", ssl);
        this.confirm = confirm;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        if (!confirm.getAsBoolean()) {
            refused = true;
            throw new MessagingException("the request was taken over by another node; not sent");
        }
        confirmed = true;
        super.finishData();
    }

    /** @return whether the outbox refused the hand-over (the claim was lost); the message was not released */
    boolean refused() {
        return refused;
    }

    /** @return whether the outbox recorded the message as sent */
    boolean confirmed() {
        return confirmed;
    }
}
