package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs "... AND column matches any of these keys" the way each database answers fastest from its index:
 * {@code = ANY (array)} on PostgreSQL; on H2, whose {@code ANY(array)} scans the table, fixed-size
 * {@code IN (?, ...)} lists (padded with the last key, so the SQL text repeats and H2 reuses its plan).
 */
final class KeyQuery {
    /** Keys per H2 statement. */
    static final int H2_CHUNK = 500;

    private final Connection c;
    private final Dialect dialect;

    KeyQuery(Connection c) throws SQLException {
        this.c = c;
        this.dialect = Dialect.of(c);
    }

    /** Receives one result row. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /**
     * @param sqlPrefix  the query up to and including the key column, e.g. {@code SELECT ... WHERE a = ? AND email}
     * @param params     values of the prefix's parameters
     * @param keys       the keys; not empty
     * @param sqlType    SQL type of the keys ({@code VARCHAR} or {@code UUID})
     * @param handler    gets every matching row
     */
    void run(String sqlPrefix, List<?> params, List<?> keys, String sqlType, RowHandler handler) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(sqlPrefix + " = ANY (?)")) {
                int i = bind(ps, params);
                ps.setArray(i, c.createArrayOf(sqlType.toLowerCase(java.util.Locale.ROOT), keys.toArray()));
                drain(ps, handler);
            }
            return;
        }
        // A few fixed list sizes keep H2's statement cache useful without binding 500 copies of one key.
        int chunk = keys.size() == 1 ? 1 : keys.size() <= 16 ? 16 : H2_CHUNK;
        StringBuilder sql = new StringBuilder(sqlPrefix).append(" IN (");
        for (int i = 0; i < chunk; i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 0; from < keys.size(); from += chunk) {
                int at = bind(ps, params);
                int to = Math.min(keys.size(), from + chunk);
                for (int k = 0; k < chunk; k++) {
                    ps.setObject(at + k, keys.get(Math.min(from + k, to - 1)));
                }
                drain(ps, handler);
            }
        }
    }

    private static int bind(PreparedStatement ps, List<?> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    private static void drain(PreparedStatement ps, RowHandler handler) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }
}
