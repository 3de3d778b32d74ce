package de.bewertungsbox.api.customer;

/**
 * Thrown when an object does not exist in the caller's project (which includes existing in another project).
 */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was not found, without revealing other projects */
    public NotFoundException(String message) {
        super(message);
    }
}
