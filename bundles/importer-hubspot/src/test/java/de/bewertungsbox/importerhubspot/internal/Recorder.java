package de.bewertungsbox.importerhubspot.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.SourceRow;

/** A job context and sink that records what the importer hands over (the platform's side is tested elsewhere). */
final class Recorder implements ImportContext, ImportSink {
    record Accepted(SourceRow at, CustomerInput customer, List<FieldError> problems) {
    }

    final List<Accepted> customers = new ArrayList<>();
    final List<ImportCharge> charges = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();
    final List<String> order = new ArrayList<>();
    String settings;
    String cursor;
    String savedCursor;
    byte[] content;
    Map<String, String> parameters = Map.of();

    Recorder(String settings) {
        this.settings = settings;
    }

    CustomerInput customer(String externalId) {
        return customers.stream().map(Accepted::customer).filter(c -> externalId.equals(c.externalId()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no customer " + externalId));
    }

    @Override public UUID projectId() { return new UUID(0, 1); }
    @Override public UUID jobId() { return new UUID(0, 2); }
    @Override public boolean dryRun() { return false; }
    @Override public Map<String, String> parameters() { return parameters; }
    @Override public boolean hasContent() { return content != null; }
    @Override public long contentLength() { return content == null ? -1 : content.length; }
    @Override public boolean cancelled() { return false; }
    @Override public Optional<String> settings() { return Optional.ofNullable(settings); }
    @Override public Optional<String> cursor() { return Optional.ofNullable(cursor); }
    @Override public void saveCursor(String c) { savedCursor = c; }

    @Override
    public InputStream openContent() throws IOException {
        if (content == null) {
            throw new IOException("no content");
        }
        return new ByteArrayInputStream(content);
    }

    void webhook(String body) {
        content = body.getBytes(StandardCharsets.UTF_8);
        parameters = Map.of("webhook", "true");
    }

    @Override public void columns(List<String> header, List<String> ignored) { }

    @Override
    public void accept(SourceRow at, CustomerInput customer, List<FieldError> parseErrors) {
        customers.add(new Accepted(at, customer, parseErrors));
        order.add("customer:" + customer.externalId());
    }

    @Override
    public void reject(SourceRow at, List<FieldError> errors) {
        throw new AssertionError("the HubSpot importer maps every contact: " + errors);
    }

    @Override
    public void charge(SourceRow at, ImportCharge charge) {
        charges.add(charge);
        order.add("charge:" + charge.externalId());
    }

    @Override
    public void forget(SourceRow at, String externalId) {
        forgotten.add(externalId);
        order.add("forget:" + externalId);
    }

    @Override public void progress(long done, long total) { }
}
