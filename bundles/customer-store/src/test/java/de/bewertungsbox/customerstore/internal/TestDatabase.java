package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import de.bewertungsbox.customerstore.internal.jpa.Jpa;

/**
 * A freshly migrated database for one test class: an in-memory H2 always, and PostgreSQL (in a throwaway schema)
 * when {@code BB_TEST_POSTGRES_URL} is set.
 */
final class TestDatabase implements AutoCloseable {
    static final String PG_ENV = "BB_TEST_POSTGRES_URL";
    private static boolean told;

    final String name;
    final HikariDataSource ds;
    final EntityManagerFactory emf;
    final Jpa jpa;
    private final String pgSchema;

    private TestDatabase(String name, HikariDataSource ds, String pgSchema) throws SQLException {
        this.name = name;
        this.ds = ds;
        this.pgSchema = pgSchema;
        Migrations.migrate(ds);
        this.emf = new PersistenceProvider().createEntityManagerFactory("bewertungsbox",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        this.jpa = new Jpa(emf);
    }

    /** @return the databases to run against: H2, plus PostgreSQL when configured */
    static synchronized List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        String pg = System.getenv(PG_ENV);
        if (pg != null && !pg.isBlank()) {
            kinds.add("postgresql");
        } else if (!told) {
            told = true;
            System.out.println("[customer-store tests] " + PG_ENV + " is not set: running on H2 only "
                    + "(set it, e.g. to jdbc:postgresql://127.0.0.1:5432/test, to test PostgreSQL too)");
        }
        return kinds;
    }

    static TestDatabase open(String kind) throws SQLException {
        HikariConfig cfg = new HikariConfig();
        cfg.setMaximumPoolSize(8);
        if ("h2".equals(kind)) {
            cfg.setJdbcUrl("jdbc:h2:mem:bb" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            return new TestDatabase(kind, new HikariDataSource(cfg), null);
        }
        String base = System.getenv(PG_ENV);
        String schema = "bbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        cfg.setJdbcUrl(base);
        cfg.setUsername(System.getenv().getOrDefault("BB_TEST_POSTGRES_USER", "postgres"));
        cfg.setPassword(System.getenv().getOrDefault("BB_TEST_POSTGRES_PASSWORD", ""));
        cfg.addDataSourceProperty("currentSchema", schema);
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.setMaximumPoolSize(8);
        try (HikariDataSource admin = new HikariDataSource(adminConfig(cfg));
             Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return new TestDatabase(kind, new HikariDataSource(cfg), schema);
    }

    private static HikariConfig adminConfig(HikariConfig cfg) {
        HikariConfig a = new HikariConfig();
        a.setJdbcUrl(cfg.getJdbcUrl());
        a.setUsername(cfg.getUsername());
        a.setPassword(cfg.getPassword());
        a.setMaximumPoolSize(1);
        return a;
    }

    DataSource dataSource() {
        return ds;
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
    }

    @Override
    public String toString() {
        return name;
    }
}
