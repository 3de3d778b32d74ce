package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportStatus;

/**
 * Our distribution switched to PostgreSQL by editing only {@code etc/org.ops4j.datasource-bewertungsbox.cfg}, as
 * README.md describes. Runs when {@code BB_TEST_POSTGRES_URL} is set (CI sets it), in a fresh schema; skipped
 * otherwise.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresDistributionIT extends ItestSupport {
    private static final String PG = System.getenv("BB_TEST_POSTGRES_URL");

    @Configuration
    public Option[] config() throws Exception {
        return baseConfig();
    }

    @Override
    protected Option[] extraOptions() {
        if (PG == null || PG.isBlank()) {
            return new Option[] {systemProperty("bb.itest.pg").value("false")};
        }
        String schema = "bbit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String user = System.getenv().getOrDefault("BB_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("BB_TEST_POSTGRES_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(PG, user, password); Statement st = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'bbit\\_%'")) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
            for (String s : old) {
                st.execute("DROP SCHEMA " + s + " CASCADE");
            }
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL at " + PG, e);
        }
        String cfg = "etc/org.ops4j.datasource-bewertungsbox.cfg";
        String sep = PG.contains("?") ? "&" : "?";
        return new Option[] {
            systemProperty("bb.itest.pg").value("true"),
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(cfg, "url", PG + sep + "currentSchema=" + schema + "&reWriteBatchedInserts=true"),
            editConfigurationFilePut(cfg, "user", user),
            editConfigurationFilePut(cfg, "password", password),
        };
    }

    @Test
    public void runsOnPostgresql() throws Exception {
        Assume.assumeTrue("BB_TEST_POSTGRES_URL not set: PostgreSQL distribution test skipped",
                Boolean.getBoolean("bb.itest.pg"));
        assertEverythingOfOursRuns();
        StoreChecks.writeAndRead(this, "On Postgres", "pg@example.com");
        try (Connection c = service(DataSource.class).getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    public void aCsvImportMergesRepeatedIdentitiesAcrossParallelWriters() throws Exception {
        Assume.assumeTrue("BB_TEST_POSTGRES_URL not set: PostgreSQL distribution test skipped",
                Boolean.getBoolean("bb.itest.pg"));
        StringBuilder csv = new StringBuilder("first_name,email,company\n");
        for (int i = 0; i < 24_000; i++) {
            String email = "p" + (i % 16_000) + "@example.com";
            csv.append("Pia,").append(i < 16_000 ? email : email.toUpperCase(Locale.ROOT)).append(',')
                    .append(i < 16_000 ? "" : "Neu GmbH").append('\n');
        }
        UUID p = service(ProjectStore.class).create("PG import").id();
        ImportJob job = StoreChecks.importCsv(this, p,
                csv.toString().getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());
        assertEquals(job.error(), ImportStatus.COMPLETED, job.status());
        assertEquals(16_000, job.report().created());
        assertEquals("a later row of the same customer updates it, in file order", 8_000, job.report().updated());
        assertEquals(16_000, service(CustomerStore.class).count(p));
    }

    @Test
    public void theOutboxSendsIntoTheMailSinkOnPostgresql() throws Exception {
        Assume.assumeTrue("BB_TEST_POSTGRES_URL not set: PostgreSQL distribution test skipped",
                Boolean.getBoolean("bb.itest.pg"));
        UUID p = service(ProjectStore.class).create("PG outbox").id();
        de.bewertungsbox.api.strategy.Strategy d = de.bewertungsbox.api.strategy.Strategy.defaults();
        service(de.bewertungsbox.api.strategy.StrategyStore.class).save(p, new de.bewertungsbox.api.strategy.Strategy(
                true, d.trigger(), new de.bewertungsbox.api.strategy.Strategy.Delay(0,
                de.bewertungsbox.api.strategy.Strategy.DelayUnit.MINUTES), d.channels(), null, d.reminders(),
                d.conditions(), d.caps(), d.templates()));
        CustomerStore customers = service(CustomerStore.class);
        UUID c = customers.upsert(p, de.bewertungsbox.api.customer.CustomerInput.builder().firstName("Paula")
                .email("paula@pg.example").source("manual").build()).customerId();
        // The periodic pass may get there first; either way the customer is asked once.
        service(de.bewertungsbox.api.strategy.StrategyEngine.class).evaluate(p);
        service(de.bewertungsbox.api.strategy.StrategyEngine.class).evaluate(p);
        de.bewertungsbox.api.notify.RequestStore outbox = service(de.bewertungsbox.api.notify.RequestStore.class);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (outbox.captured(p, 10, null).data().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing reached the mail sink: " + outbox.page(p,
                        de.bewertungsbox.api.notify.RequestQuery.all(), 10, null).data());
            }
            Thread.sleep(200);
        }
        assertEquals("paula@pg.example", outbox.captured(p, 10, null).data().get(0).recipient());
        var sent = outbox.page(p, de.bewertungsbox.api.notify.RequestQuery.all(), 10, null).data();
        assertEquals(1, sent.size());
        assertEquals(c, sent.get(0).customerId());
        assertEquals(de.bewertungsbox.api.notify.RequestStatus.SENT, sent.get(0).status());
    }
}
