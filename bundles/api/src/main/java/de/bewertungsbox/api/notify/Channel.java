package de.bewertungsbox.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way of delivering review requests (e-mail, SMS). Registered as a service with the property
 * {@value #ID_PROPERTY}; the notifier uses whichever channels are registered right now.
 */
@ConsumerType
public interface Channel {
    /** Service property naming the channel: {@code email}, {@code sms}. */
    String ID_PROPERTY = "channel.id";

    /**
     * Delivers one message. The channel calls {@link Release#confirm()} once, at the last moment before the message
     * is irrevocably handed over (for SMTP: before the final dot of DATA); when {@code confirm} returns
     * {@code false} it must not hand the message over. A failure after {@code confirm} is reported by throwing.
     *
     * @param message the message
     * @param release confirms the hand-over with the outbox
     * @throws ChannelException when the message could not be delivered
     */
    void send(OutboundMessage message, Release release) throws ChannelException;

    /** Confirms the hand-over of a message with the outbox. */
    @FunctionalInterface
    interface Release {
        /** @return {@code false} when the message must not go out (another node took the request over) */
        boolean confirm();
    }
}
