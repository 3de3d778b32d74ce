package de.bewertungsbox.restapi.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.RowError;

/** The JSON shapes of API.md that differ from the service records. */
final class Views {
    private Views() {
    }

    /** The list envelope of every list endpoint. */
    record ListView<T>(List<T> data, boolean hasMore, String nextCursor) {
        static <S, T> ListView<T> of(Page<S> page, Function<S, T> map) {
            return new ListView<>(page.data().stream().map(map).toList(), page.hasMore(), page.nextCursor());
        }

        static <T> ListView<T> all(List<T> items) {
            return new ListView<>(items, false, null);
        }
    }

    record ProjectView(UUID id, String slug, String name, String bccAddress, Instant createdAt, Long customerCount) {
        static ProjectView of(Project p, String bccAddress, Long customerCount) {
            return new ProjectView(p.id(), p.slug(), p.name(), bccAddress, p.createdAt(), customerCount);
        }
    }

    record CreatedProjectView(UUID id, String slug, String name, String bccAddress, String apiKey) {
    }

    record MeView(UUID projectId, String name, String slug, String bccAddress) {
    }

    record JobView(UUID id, String importer, String status, boolean dryRun, int percent, long total, long created,
                   long updated, long unchanged, long rejected, String error, List<RowErrorView> errors,
                   List<String> ignoredColumns, Instant createdAt, Instant startedAt, Instant finishedAt) {
        static JobView of(ImportJob j) {
            return new JobView(j.id(), j.importerId(), j.status().name().toLowerCase(Locale.ROOT), j.dryRun(),
                    j.percent(), j.report().total(), j.report().created(), j.report().updated(),
                    j.report().unchanged(), j.report().rejected(), j.error(),
                    j.report().errors().stream().map(RowErrorView::of).toList(), j.report().ignoredColumns(),
                    j.createdAt(), j.startedAt(), j.finishedAt());
        }
    }

    record RowErrorView(long row, long line, String field, String message) {
        static RowErrorView of(RowError e) {
            return new RowErrorView(e.row(), e.line(), e.field(), e.message());
        }
    }
}
