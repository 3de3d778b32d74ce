package de.bewertungsbox.importcore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import de.bewertungsbox.api.importer.ImportContext;

/** The {@link ImportContext} of one job; immutable apart from the cancellation it reports. */
final class JobContext implements ImportContext {
    private final UUID projectId;
    private final UUID jobId;
    private final boolean dryRun;
    private final Map<String, String> parameters;
    private final Path content;
    private final BooleanSupplier cancelled;

    JobContext(UUID projectId, UUID jobId, boolean dryRun, Map<String, String> parameters, Path content,
               BooleanSupplier cancelled) {
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
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
