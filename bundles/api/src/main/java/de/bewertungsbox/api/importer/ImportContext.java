package de.bewertungsbox.api.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What one import job is asked to do. Built by the platform and handed to {@link Importer#run}.
 */
@ProviderType
public interface ImportContext {

    /** @return the project the records go into */
    UUID projectId();

    /** @return the job's id, for log messages */
    UUID jobId();

    /** @return whether the job only validates and reports (the sink stores nothing either way) */
    boolean dryRun();

    /**
     * @return the parameters the user gave (for the CSV importer: {@code delimiter}, {@code charset},
     * {@code date_format}); never {@code null}
     */
    Map<String, String> parameters();

    /**
     * @param name a parameter name
     * @return its value when given and not blank
     */
    default Optional<String> parameter(String name) {
        String v = parameters().get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** @return whether the job came with uploaded content (a file) */
    boolean hasContent();

    /** @return the uploaded content's size in bytes, or -1 when there is none */
    long contentLength();

    /**
     * Opens the uploaded content from its start. The caller closes the stream.
     *
     * @return the content
     * @throws IOException when there is no content or it cannot be read
     */
    InputStream openContent() throws IOException;

    /** @return whether the job has been cancelled; long loops that do not call the sink should check this */
    boolean cancelled();

    /**
     * @return the project's settings for this importer, a JSON object, when the project configured it
     *         ({@link RemoteImporter}); secrets included, so never log it
     */
    Optional<String> settings();

    /** @return where the last completed sync of this importer in this project stopped, as the importer saved it */
    Optional<String> cursor();

    /**
     * Sets where the next sync should start. Saved only when this job completes (not when it fails, is cancelled or
     * is a dry run), so a failed sync is repeated from the old cursor.
     *
     * @param cursor the importer's own notation, at most 2,000 characters
     */
    void saveCursor(String cursor);
}
