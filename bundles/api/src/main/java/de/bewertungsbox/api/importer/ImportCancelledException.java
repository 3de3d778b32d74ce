package de.bewertungsbox.api.importer;

/**
 * Thrown by the {@link ImportSink} once its job is cancelled. Importers let it propagate; the job then ends
 * {@link ImportStatus#CANCELLED} with what it committed recorded.
 */
public class ImportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why the job was cancelled */
    public ImportCancelledException(String reason) {
        super(reason);
    }
}
