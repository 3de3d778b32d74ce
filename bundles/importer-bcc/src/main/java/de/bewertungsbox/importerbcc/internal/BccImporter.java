package de.bewertungsbox.importerbcc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterType;

/**
 * Imports the recipients of one message received at a project's BCC address ({@link BccSmtpServer} starts one job
 * per message and project). Parameters: {@code received_at} (ISO 8601) and {@code domain} (our BCC domain).
 */
@Component(service = Importer.class, configurationPid = "de.bewertungsbox.importer.bcc")
@ImporterType(id = BccImporter.ID, label = "E-mail BCC", kind = ImporterKind.PUSH)
public class BccImporter implements Importer {
    static final String ID = "bcc";

    private final String domain;

    /** @param config the receiver's configuration (for the BCC domain) */
    @Activate
    public BccImporter(BccConfig config) {
        this.domain = config.domain().strip();
    }

    @Override
    public void run(ImportContext context, ImportSink sink) throws ImportException {
        if (!context.hasContent()) {
            throw new ImportException("a BCC import needs the received message as its content");
        }
        Instant received;
        try {
            received = context.parameter("received_at").map(Instant::parse).orElseGet(Instant::now);
        } catch (DateTimeParseException e) {
            received = Instant.now();
        }
        List<Recipients.Found> found;
        try (InputStream in = context.openContent()) {
            found = Recipients.read(in, context.parameter("domain").orElse(domain), received);
        } catch (IOException e) {
            throw new ImportException("the message could not be read: " + e.getMessage(), e);
        }
        sink.columns(Recipients.COLUMNS, List.of());
        for (Recipients.Found f : found) {
            if (f.customer() == null) {
                sink.reject(f.at(), f.problems());
            } else {
                sink.accept(f.at(), f.customer(), f.problems());
            }
        }
    }
}
