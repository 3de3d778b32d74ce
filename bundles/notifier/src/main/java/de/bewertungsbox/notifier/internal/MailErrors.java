package de.bewertungsbox.notifier.internal;

import java.io.IOException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import de.bewertungsbox.api.notify.ChannelException;

/**
 * Sorts SMTP failures into permanent (a 5xx reply: the address or the message is refused; trying again cannot
 * help) and transient (server unreachable, 4xx, login refused: retried with backoff).
 */
final class MailErrors {
    private MailErrors() {
    }

    static ChannelException classify(MessagingException e, String host) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException a) {
                return new ChannelException("the SMTP server refused the address: " + a.getReturnCode() + " "
                        + a.getMessage().strip(), a.getReturnCode() >= 500, e);
            }
            if (t instanceof SMTPSendFailedException f) {
                return new ChannelException("the SMTP server refused the message: " + f.getReturnCode() + " "
                        + f.getMessage().strip(), f.getReturnCode() >= 500, e);
            }
        }
        if (e instanceof AuthenticationFailedException) {
            return new ChannelException("the SMTP server " + host + " refused the login; check the user name and "
                    + "password", false, e);
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null
                && s.getInvalidAddresses().length > 0) {
            return new ChannelException("invalid address: " + e.getMessage(), true, e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof java.net.SocketException || cause instanceof java.net.UnknownHostException
                || cause instanceof java.net.SocketTimeoutException) {
            IOException io = (IOException) cause;
            return new ChannelException("the SMTP server " + host + " is unreachable: " + io.getMessage(), false, e);
        }
        return new ChannelException("sending through " + host + " failed: " + e.getMessage(), false, e);
    }
}
