package de.bewertungsbox.customerstore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the ordered SQL scripts under {@code db/migration/} once each and records them in
 * {@code bb_schema_version}, so an upgrade keeps existing data. On PostgreSQL an advisory lock keeps two nodes
 * from migrating at once.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Scripts in the order they apply; append, never edit an applied one. */
    static final List<String> SCRIPTS = List.of("V1__initial_schema.sql", "V2__import_jobs.sql",
            "V3__remote_importers.sql", "V4__strategy.sql", "V5__outbox.sql");

    private Migrations() {
    }

    /**
     * @param ds the database
     * @return the schema version after migrating
     * @throws SQLException when the database is unreachable or a script fails (that script is rolled back where the
     *                      database allows)
     */
    public static int migrate(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean postgres = Dialect.of(c) == Dialect.POSTGRESQL;
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS bb_schema_version (version INTEGER PRIMARY KEY, "
                        + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            c.setAutoCommit(false);
            if (postgres) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(4242420001)");
                }
            }
            int current = currentVersion(c);
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                String script = SCRIPTS.get(v - 1);
                LOG.info("Applying schema migration {} ({})", v, script);
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(read(script))) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO bb_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.setTimestamp(3, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                c.commit();
            }
            c.commit();
            return SCRIPTS.size();
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM bb_schema_version")) {
            rs.next();
            int v = rs.getInt(1);
            if (v > SCRIPTS.size()) {
                throw new SQLException("database schema version " + v + " is newer than this release knows ("
                        + SCRIPTS.size() + "); refusing to run against it");
            }
            return v;
        }
    }

    static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from bundle: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + script, e);
        }
    }

    /** Splits a script at semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = cur.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
