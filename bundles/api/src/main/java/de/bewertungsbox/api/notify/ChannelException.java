package de.bewertungsbox.api.notify;

/** A message could not be delivered; {@link #permanent()} says whether trying again can help. */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    /**
     * @param message   what went wrong, for the request's {@code error}
     * @param permanent {@code true} for a bad address or a refused message, {@code false} for a server down
     * @param cause     the cause, or {@code null}
     */
    public ChannelException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** @return whether trying again cannot help */
    public boolean permanent() {
        return permanent;
    }
}
