package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportReport;
import de.bewertungsbox.api.importer.ImportStatus;
import de.bewertungsbox.api.importer.RowError;
import de.bewertungsbox.customerstore.internal.jpa.Times;

/** Reads {@code bb_import_job} rows into {@link ImportJob} records. */
final class JobRows {
    private static final String COLUMNS = "id, project_id, importer_id, status, dry_run, total, created, updated, "
            + "unchanged, rejected, error, ignored_columns, percent, created_at, started_at, finished_at";

    private JobRows() {
    }

    static List<ImportJob> select(Connection c, String where, List<Object> params, int max) throws SQLException {
        List<ImportJob> jobs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bb_import_job " + where)) {
            bind(ps, params);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs));
                }
            }
        }
        return jobs;
    }

    private static ImportJob read(ResultSet rs) throws SQLException {
        ImportReport report = new ImportReport(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10), List.of(), DbImportJobStore.split(rs.getString(12)));
        return new ImportJob(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                ImportStatus.valueOf(rs.getString(4)), report, rs.getString(11), rs.getBoolean(5), rs.getInt(13),
                Times.toInstant(rs.getObject(14, LocalDateTime.class)),
                Times.toInstant(rs.getObject(15, LocalDateTime.class)),
                Times.toInstant(rs.getObject(16, LocalDateTime.class)));
    }

    static ImportJob withErrors(ImportJob j, List<RowError> errors) {
        ImportReport r = j.report();
        return new ImportJob(j.id(), j.projectId(), j.importerId(), j.status(), new ImportReport(r.total(),
                r.created(), r.updated(), r.unchanged(), r.rejected(), errors, r.ignoredColumns()), j.error(),
                j.dryRun(), j.percent(), j.createdAt(), j.startedAt(), j.finishedAt());
    }

    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
