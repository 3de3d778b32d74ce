package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** The two databases the store supports. */
public enum Dialect {
    /** Embedded default. */
    H2,
    /** Production. */
    POSTGRESQL;

    /**
     * @param c an open connection
     * @return its dialect
     * @throws SQLException when the database is neither H2 nor PostgreSQL
     */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("unsupported database: " + product + " (use H2 or PostgreSQL)");
    }
}
