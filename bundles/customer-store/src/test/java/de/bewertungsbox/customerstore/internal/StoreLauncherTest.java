package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.importjob.ImportJobStore;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.strategy.StrategyStore;

/** The store registers its services only once the database answers, and unregisters them on deactivation. */
class StoreLauncherTest {

    @Test
    void registersOnlyOnceTheDatabaseAnswers(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.open("h2")) {
            AtomicBoolean up = new AtomicBoolean(false);
            AtomicInteger refused = new AtomicInteger();
            DataSource flaky = new SwitchableDataSource(db.dataSource(), up, refused);
            List<String> registered = new CopyOnWriteArrayList<>();
            AtomicInteger unregistered = new AtomicInteger();
            CountDownLatch six = new CountDownLatch(6);
            BundleContext ctx = fakeContext(registered, unregistered, six);

            StoreLauncher launcher = new StoreLauncher(ctx, config(dir.resolve("secret.key")), flaky, db.emf);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (refused.get() < 2) {
                assertTrue(System.nanoTime() < deadline, "the launcher never tried the database");
                Thread.onSpinWait();
            }
            assertTrue(registered.isEmpty(), "nothing may register while the database is down");
            up.set(true);
            assertTrue(six.await(30, TimeUnit.SECONDS), "stores registered after the database came back");
            assertEquals(List.of(CustomerStore.class.getName(), ImportJobStore.class.getName(),
                    StrategyStore.class.getName(), RequestStore.class.getName(), ProjectStore.class.getName(), SecretStore.class.getName()),
                    registered);
            assertTrue(Files.exists(dir.resolve("secret.key")), "a key is generated on first start");
            launcher.deactivate();
            assertEquals(6, unregistered.get());
        }
    }

    private static StoreConfig config(Path keyFile) {
        return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(), new Class<?>[] {StoreConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "default__region" -> "DE";
                    case "encryption__key" -> "";
                    case "key__file" -> keyFile.toString();
                    case "max__retry__seconds" -> 1;
                    default -> throw new AssertionError("unexpected call: " + method.getName());
                });
    }

    private static BundleContext fakeContext(List<String> registered, AtomicInteger unregistered, CountDownLatch latch) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new AssertionError("unexpected call: " + method.getName());
                    }
                    registered.add(((Class<?>) args[0]).getName());
                    latch.countDown();
                    return Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    unregistered.incrementAndGet();
                                }
                                return null;
                            });
                });
    }

    /** Refuses connections while {@code up} is false, like a database that is not there yet. */
    private record SwitchableDataSource(DataSource real, AtomicBoolean up, AtomicInteger refused) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            if (!up.get()) {
                refused.incrementAndGet();
                throw new SQLException("Connection refused (test)", "08001");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
