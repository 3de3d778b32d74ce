package de.bewertungsbox.api.customer;

/**
 * Thrown when the database cannot be reached; the operation stored nothing.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying database error
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
