package de.bewertungsbox.importercsv.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.SourceRow;

/** An in-memory context and sink: what the CSV importer delivered, for assertions. */
final class FakeJob implements ImportContext, ImportSink {
    record Delivered(SourceRow at, CustomerInput customer, List<FieldError> errors) {
    }

    private final byte[] content;
    private final Map<String, String> parameters;
    final List<Delivered> rows = new ArrayList<>();
    List<String> header;
    List<String> ignored;
    long lastDone = -1;

    FakeJob(byte[] content, Map<String, String> parameters) {
        this.content = content;
        this.parameters = parameters;
    }

    @Override public UUID projectId() { return new UUID(0, 1); }
    @Override public UUID jobId() { return new UUID(0, 2); }
    @Override public boolean dryRun() { return false; }
    @Override public Map<String, String> parameters() { return parameters; }
    @Override public boolean hasContent() { return content != null; }
    @Override public long contentLength() { return content == null ? -1 : content.length; }
    @Override public InputStream openContent() throws IOException { return new ByteArrayInputStream(content); }
    @Override public boolean cancelled() { return false; }

    @Override
    public void columns(List<String> h, List<String> i) {
        header = h;
        ignored = i;
    }

    @Override
    public void accept(SourceRow at, CustomerInput customer, List<FieldError> parseErrors) {
        rows.add(new Delivered(at, customer, parseErrors));
    }

    @Override
    public void reject(SourceRow at, List<FieldError> errors) {
        rows.add(new Delivered(at, null, errors));
    }

    @Override
    public void progress(long done, long total) {
        lastDone = done;
    }

    @Override public java.util.Optional<String> settings() { return java.util.Optional.empty(); }
    @Override public java.util.Optional<String> cursor() { return java.util.Optional.empty(); }
    @Override public void saveCursor(String cursor) { throw new AssertionError("the CSV importer keeps no cursor"); }

    @Override
    public void charge(SourceRow at, de.bewertungsbox.api.importer.ImportCharge charge) {
        throw new AssertionError("the CSV importer sends no payments");
    }

    @Override
    public void forget(SourceRow at, String externalId) {
        throw new AssertionError("the CSV importer deletes nothing");
    }
}
