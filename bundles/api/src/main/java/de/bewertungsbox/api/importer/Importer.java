package de.bewertungsbox.api.importer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An import source: reads records from somewhere (an uploaded file, a remote API, a mailbox) and streams them into
 * the {@link ImportSink}. Register an implementation as an OSGi service with its id and label, for example
 * <pre>
 * &#64;Component(service = Importer.class)
 * &#64;ImporterType(id = "vcard", label = "vCard files")
 * public class VcardImporter implements Importer { ... }
 * </pre>
 * The platform calls {@link #run} on one of its own threads, once per import job. The importer never touches the
 * store: validation, de-duplication, batching, counting and the job report are the sink's work.
 */
@ConsumerType
public interface Importer {

    /**
     * Reads every record of one job and hands each to the sink. Returning normally completes the job.
     *
     * @param context what to import: project, parameters, uploaded content
     * @param sink    where records, rejections and progress go; it throws {@link ImportCancelledException} once the
     *                job is cancelled, which the importer lets propagate
     * @throws ImportException when the input as a whole cannot be imported (wrong format, bad credentials); its
     *                         message is shown to the user as the job's error
     */
    void run(ImportContext context, ImportSink sink) throws ImportException;
}
