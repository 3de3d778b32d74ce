package de.bewertungsbox.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.eclipse.persistence.jpa.PersistenceProvider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import de.bewertungsbox.customerstore.internal.Dialect;
import de.bewertungsbox.customerstore.internal.Migrations;

/** A freshly migrated benchmark database: an H2 file (as the product embeds it) or a throwaway PostgreSQL schema. */
final class BenchDatabase implements AutoCloseable {
    final String name;
    final Dialect dialect;
    final HikariDataSource ds;
    final EntityManagerFactory emf;
    private final String pgSchema;
    private Path h2Dir;

    private BenchDatabase(String name, Dialect dialect, HikariDataSource ds, String pgSchema) throws SQLException {
        this.name = name;
        this.dialect = dialect;
        this.ds = ds;
        this.pgSchema = pgSchema;
        Migrations.migrate(ds);
        this.emf = new PersistenceProvider().createEntityManagerFactory("bewertungsbox",
                Map.of("javax.persistence.nonJtaDataSource", ds));
    }

    static BenchDatabase h2(Path dir) throws SQLException {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:h2:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + System.getProperty("bench.h2opts", ";WRITE_DELAY=0"));
        c.setUsername("sa");
        c.setMaximumPoolSize(4);
        BenchDatabase db = new BenchDatabase("H2 (embedded file)", Dialect.H2, new HikariDataSource(c), null);
        db.h2Dir = dir;
        return db;
    }

    static BenchDatabase postgres(String url) throws SQLException {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL needs --pg-url or BB_TEST_POSTGRES_URL");
        }
        String schema = "bbbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(System.getenv().getOrDefault("BB_TEST_POSTGRES_USER", "postgres"));
        c.setPassword(System.getenv().getOrDefault("BB_TEST_POSTGRES_PASSWORD", ""));
        c.setMaximumPoolSize(4);
        try (HikariDataSource admin = new HikariDataSource(c); Connection con = admin.getConnection();
             Statement st = con.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        c.addDataSourceProperty("currentSchema", schema);
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new BenchDatabase("PostgreSQL", Dialect.POSTGRESQL, new HikariDataSource(c), schema);
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        if (pgSchema != null) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
        ds.close();
        if (h2Dir != null) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(h2Dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                System.err.println("could not delete " + h2Dir + ": " + e.getMessage());
            }
        }
    }
}
