package de.bewertungsbox.testimporter.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterType;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * Generates customers {@code gen-<n>@example.com}: {@code rows} of them (parameter; endless when absent), pausing
 * {@code pause_ms} every 1,000 so a test can act while the job runs. Exactly the shape a third-party importer has.
 */
@Component(service = Importer.class)
@ImporterType(id = "test-generator", label = "Test generator", kind = ImporterKind.PULL)
public class GeneratorImporter implements Importer {

    @Override
    public void run(ImportContext context, ImportSink sink) throws ImportException {
        long rows = Long.parseLong(context.parameter("rows").orElse(Long.toString(Long.MAX_VALUE)));
        long pause = Long.parseLong(context.parameter("pause_ms").orElse("0"));
        sink.columns(List.of("first_name", "email"), List.of());
        for (long i = 0; i < rows; i++) {
            String email = "gen-" + i + "@example.com";
            sink.accept(new SourceRow(i + 1, 0, List.of("Gen", email)),
                    CustomerInput.builder().firstName("Gen").email(email).build());
            if (pause > 0 && i % 1_000 == 999) {
                sink.progress(i + 1, rows == Long.MAX_VALUE ? -1 : rows);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImportException("interrupted");
                }
            }
        }
    }
}
