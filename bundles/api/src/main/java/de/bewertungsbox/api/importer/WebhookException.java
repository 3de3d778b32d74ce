package de.bewertungsbox.api.importer;

/**
 * A webhook delivery is refused: its signature does not match, it is too old, or it is not a delivery this
 * importer understands. The message goes back to the sender, so it names the reason and never a secret.
 */
public class WebhookException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message why the delivery is refused */
    public WebhookException(String message) {
        super(message);
    }
}
