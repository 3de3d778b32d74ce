package de.bewertungsbox.importcore.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importjob.ImportJobStore;

/**
 * Builds the import engine outside OSGi for the benchmark, exactly as DS would: the same constructor, the same
 * bind method. Lives in the engine's package (in the bench jar only) to reach its package-private parts.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    public static ImportJobService engine(ImportJobStore store, Path workDir, int batchSize) throws Exception {
        ImportCoreConfig config = new ImportCoreConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ImportCoreConfig.class; }
            @Override public int max__concurrent__jobs() { return 1; }
            @Override public int batch__size() { return batchSize; }
            @Override public int writers__per__job() { return 0; }
            @Override public String work__dir() { return workDir.toString(); }
            @Override public int silent__job__minutes() { return 10; }
            @Override public int sync__check__seconds() { return 3600; }
        };
        return new ImportJobService(config, store, new MapSecrets());
    }

    /** Importer settings in memory (the real store encrypts them; not what is measured here). */
    private static final class MapSecrets implements de.bewertungsbox.api.customer.SecretStore {
        private final java.util.Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void put(java.util.UUID projectId, String name, String value) {
            values.put(projectId + "/" + name, value);
        }

        @Override
        public java.util.Optional<String> get(java.util.UUID projectId, String name) {
            return java.util.Optional.ofNullable(values.get(projectId + "/" + name));
        }

        @Override
        public boolean delete(java.util.UUID projectId, String name) {
            return values.remove(projectId + "/" + name) != null;
        }
    }

    @SuppressWarnings("unchecked")
    public static void bind(ImportJobService engine, Importer importer, String id) {
        Map<String, Object> props = Map.of("importer.id", id, "importer.label", id);
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getSymbolicName" -> "bench";
                    case "getVersion" -> org.osgi.framework.Version.emptyVersion;
                    default -> null;
                });
        engine.addImporter(importer, (ServiceReference<Importer>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getProperty" -> props.get((String) a[0]);
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> null;
                }));
    }

    public static void stop(ImportJobService engine) throws InterruptedException {
        engine.deactivate();
    }
}
