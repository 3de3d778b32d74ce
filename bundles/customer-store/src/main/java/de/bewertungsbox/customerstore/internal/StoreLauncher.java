package de.bewertungsbox.customerstore.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.importjob.ImportJobStore;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.strategy.StrategyStore;
import de.bewertungsbox.customerstore.internal.jpa.Jpa;

/**
 * Brings the store up: waits until the database answers, applies pending migrations, then registers
 * {@link CustomerStore}, {@link ProjectStore}, {@link SecretStore}, {@link ImportJobStore}, {@link StrategyStore} and {@link RequestStore}. While the database is unreachable the
 * services stay unregistered, the log says so, and it retries with growing pauses (up to
 * {@code max_retry_seconds}). Static references: a new data source or persistence unit restarts the component.
 * Threading: one private scheduler thread does the attempts.
 */
@Component(immediate = true, configurationPid = "de.bewertungsbox.customerstore")
@Designate(ocd = StoreConfig.class)
public class StoreLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLauncher.class);

    private final BundleContext context;
    private final StoreConfig config;
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final ScheduledExecutorService scheduler;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param context    bundle context for registering the stores
     * @param config     configuration
     * @param dataSource the {@code bewertungsbox} data source (pax-jdbc-config)
     * @param emf        the {@code bewertungsbox} persistence unit (Aries JPA)
     */
    @Activate
    public StoreLauncher(BundleContext context, StoreConfig config,
                         @Reference(name = "dataSource", target = "(osgi.jndi.service.name=bewertungsbox)")
                         DataSource dataSource,
                         @Reference(name = "emf", target = "(osgi.unit.name=bewertungsbox)")
                         EntityManagerFactory emf) {
        this.context = context;
        this.config = config;
        this.dataSource = dataSource;
        this.emf = emf;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bewertungsbox-store-launcher");
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(() -> attempt(1));
    }

    private void attempt(int n) {
        if (stopped) {
            return;
        }
        try {
            int version = Migrations.migrate(dataSource);
            byte[] key = KeyFile.load(config.encryption__key(), keyFile());
            register(version, key);
        } catch (SQLException e) {
            long delay = Math.min(config.max__retry__seconds(), 1L << Math.min(n, 5));
            LOG.warn("Database for BewertungsBox is unreachable ({}); the customer store stays unregistered, "
                    + "retry {} in {} s", e.getMessage(), n, delay);
            scheduler.schedule(() -> attempt(n + 1), delay, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("The customer store cannot start: {}", e.getMessage(), e);
        }
    }

    private synchronized void register(int version, byte[] key) {
        if (stopped) {
            return;
        }
        Clock clock = Clock.systemUTC();
        Jpa jpa = new Jpa(emf);
        DbCustomerStore customers = new DbCustomerStore(dataSource, jpa, clock);
        registrations.add(context.registerService(CustomerStore.class, customers, new Hashtable<>()));
        registrations.add(context.registerService(ImportJobStore.class,
                new DbImportJobStore(dataSource, customers, clock), new Hashtable<>()));
        registrations.add(context.registerService(StrategyStore.class, new DbStrategyStore(dataSource, clock),
                new Hashtable<>()));
        registrations.add(context.registerService(RequestStore.class, new DbRequestStore(dataSource, clock),
                new Hashtable<>()));
        registrations.add(context.registerService(ProjectStore.class,
                new JpaProjectStore(jpa, clock, config.default__region()), new Hashtable<>()));
        registrations.add(context.registerService(SecretStore.class,
                new JpaSecretStore(jpa, new SecretCipher(key), clock), new Hashtable<>()));
        LOG.info("Customer store ready (schema version {})", version);
    }

    private Path keyFile() {
        if (!config.key__file().isBlank()) {
            return Path.of(config.key__file());
        }
        String data = System.getProperty("karaf.data", "data");
        return Path.of(data, "bewertungsbox", "secret.key");
    }

    /** Unregisters the stores and stops retrying. */
    @Deactivate
    public synchronized void deactivate() {
        stopped = true;
        scheduler.shutdownNow();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.debug("store service already unregistered");
            }
        }
        registrations.clear();
    }
}
