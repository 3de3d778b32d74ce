package de.bewertungsbox.api.importer;

/**
 * The input of an import cannot be imported as a whole: not a CSV file, a required column missing, credentials
 * refused. The message is shown to the user as the job's error, so it says what is wrong and what to do.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, in words a user can act on */
    public ImportException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, in words a user can act on
     * @param cause   the underlying failure, for the log
     */
    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
