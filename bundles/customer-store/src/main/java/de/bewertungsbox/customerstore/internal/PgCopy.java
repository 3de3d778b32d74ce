package de.bewertungsbox.customerstore.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes new customers with PostgreSQL's {@code COPY ... FROM STDIN} (text format), several times faster than
 * batched INSERTs. Only loaded when the database is PostgreSQL; callers fall back to INSERT when the pooled
 * connection does not unwrap to the driver's.
 */
final class PgCopy {
    private static final String COPY = "COPY bb_customer (id, project_id, first_name, last_name, email, phone, "
            + "company, location_id, signed_up_at, has_subscription, opted_out_at, sources, created_at, updated_at) "
            + "FROM STDIN";

    private PgCopy() {
    }

    static boolean available(Connection c) {
        try {
            return c.isWrapperFor(PGConnection.class);
        } catch (SQLException | LinkageError e) {
            return false;
        }
    }

    static void insert(Connection c, UUID projectId, List<CustomerRow> rows, LocalDateTime now) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            StringBuilder sb = new StringBuilder(64 * 1024);
            String project = projectId.toString();
            String stamp = now.toString();
            for (CustomerRow r : rows) {
                sb.append(r.id).append('\t').append(project).append('\t');
                field(sb, r.firstName);
                field(sb, r.lastName);
                field(sb, r.email);
                field(sb, r.phone);
                field(sb, r.company);
                field(sb, r.locationId == null ? null : r.locationId.toString());
                field(sb, r.signedUpAt.toString());
                field(sb, r.hasSubscription ? "t" : "f");
                field(sb, r.optedOutAt == null ? null : r.optedOutAt.toString());
                field(sb, r.sourcesColumn());
                sb.append(stamp).append('\t').append(stamp).append('\n');
                if (sb.length() > 60_000) {
                    flush(copy, sb);
                }
            }
            flush(copy, sb);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void field(StringBuilder sb, String v) {
        if (v == null) {
            sb.append("\\N");
        } else {
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        }
        sb.append('\t');
    }

    private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(b, 0, b.length);
        sb.setLength(0);
    }
}
