package de.bewertungsbox.importcore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import de.bewertungsbox.api.importer.ImportContext;

/**
 * The {@link ImportContext} of one job: immutable apart from the cancellation it reports and the cursor the importer
 * sets. Settings and the stored cursor are read when the importer asks.
 */
final class JobContext implements ImportContext {
    private final UUID projectId;
    private final UUID jobId;
    private final boolean dryRun;
    private final Map<String, String> parameters;
    private final Path content;
    private final BooleanSupplier cancelled;
    private final Supplier<Optional<String>> settings;
    private final Supplier<Optional<String>> cursor;
    private volatile String nextCursor;

    JobContext(UUID projectId, UUID jobId, boolean dryRun, Map<String, String> parameters, Path content,
               BooleanSupplier cancelled, Supplier<Optional<String>> settings, Supplier<Optional<String>> cursor) {
        this.settings = settings;
        this.cursor = cursor;
        this.projectId = projectId;
        this.jobId = jobId;
        this.dryRun = dryRun;
        this.parameters = Map.copyOf(parameters);
        this.content = content;
        this.cancelled = cancelled;
    }

    @Override
    public UUID projectId() {
        return projectId;
    }

    @Override
    public UUID jobId() {
        return jobId;
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean hasContent() {
        return content != null;
    }

    @Override
    public long contentLength() {
        try {
            return content == null ? -1 : Files.size(content);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public InputStream openContent() throws IOException {
        if (content == null) {
            throw new IOException("this import job has no uploaded content");
        }
        return Files.newInputStream(content);
    }

    @Override
    public Optional<String> settings() {
        return settings.get();
    }

    @Override
    public Optional<String> cursor() {
        return cursor.get();
    }

    @Override
    public void saveCursor(String next) {
        if (next != null && next.length() > 2_000) {
            throw new IllegalArgumentException("a cursor has at most 2,000 characters");
        }
        nextCursor = next;
    }

    /** @return the cursor the importer set, to be saved when the job completes */
    Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
