package de.bewertungsbox.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots a real Karaf for each test class: our distribution by default, or another one a subclass names. Random
 * ports; Java 17 module options as Karaf's own launcher sets them.
 */
public abstract class ItestSupport {
    /** Our features repository, as an admin would add it. */
    static String featuresRepo() {
        return "mvn:de.bewertungsbox/features/" + System.getProperty("bb.itest.version") + "/xml/features";
    }
    static final long TIMEOUT_MS = 120_000;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    /** Waits for the boot features to be installed before any test runs. */
    @Inject
    protected BootFinished bootFinished;

    /** @return the Karaf to boot */
    protected MavenArtifactUrlReference distribution() {
        return maven("de.bewertungsbox", "karaf-distribution").type("tar.gz").versionAsInProject();
    }

    /** @return options a subclass adds (configuration edits) */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** @return the Pax Exam configuration */
    protected Option[] baseConfig() {
        String karaf = System.getProperty("karaf.version");
        String repo = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        String http = freePort();
        String smtp = freePort();
        List<Option> o = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(distribution()).name("karaf")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http),
                systemProperty("bb.itest.http.port").value(http),
                editConfigurationFilePut("etc/de.bewertungsbox.importer.bcc.cfg", "port", smtp),
                systemProperty("bb.itest.smtp.port").value(smtp),
                systemProperty("bb.itest.version").value(System.getProperty("project.version")),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", repo),
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"),
                new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
                new VMOption("--patch-module"),
                new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("-classpath"),
                new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")));
        o.addAll(Arrays.asList(extraOptions()));
        return o.toArray(new Option[0]);
    }

    /** The administrator the REST tests log in as (the distribution ships none). */
    static final String ADMIN_PASSWORD = "itest-admin-pw";

    /** @return options that create the administrator {@code admin} */
    static Option[] adminAccount() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", "admin", ADMIN_PASSWORD + ",_g_:admingroup"),
            editConfigurationFilePut("etc/users.properties", "_g_:admingroup", "group,admin,manager,viewer,systembundles,ssh"),
        };
    }

    /** @return a data source config pointing the store at an H2 file outside the runtime folder */
    static Option h2At(File dir) {
        return editConfigurationFilePut("etc/org.ops4j.datasource-bewertungsbox.cfg", "url",
                "jdbc:h2:" + dir.getAbsolutePath() + "/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    static String freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for a service without polling: the tracker is told when it registers.
     *
     * @param type the service interface
     * @param <T>  its type
     * @return the service
     */
    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(bundleContext, type, null);
        t.open();
        T s = t.waitForService(TIMEOUT_MS);
        if (s == null) {
            throw new AssertionError(type.getName() + " did not appear within " + TIMEOUT_MS + " ms");
        }
        return s;
    }

    /** @return every bundle whose symbolic name starts with de.bewertungsbox */
    protected List<Bundle> ourBundles() {
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("de.bewertungsbox.")) {
                out.add(b);
            }
        }
        return out;
    }

    /** @return the HTTP status of a GET on Karaf's HTTP port */
    protected int httpStatus(String path) throws IOException {
        String port = System.getProperty("bb.itest.http.port");
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    /** Asserts every bewertungsbox feature of our repository is installed and every bundle of ours is Active. */
    protected void assertEverythingOfOursRuns() throws Exception {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (org.apache.karaf.features.Feature f : features.getRepository(java.net.URI.create(featuresRepo()))
                .getFeatures()) {
            count++;
            if (!features.isInstalled(f)) {
                missing.add(f.getName());
            }
        }
        org.junit.Assert.assertTrue("our repository lists features", count >= 4);
        org.junit.Assert.assertEquals("features not installed", List.of(), missing);
        List<Bundle> ours = ourBundles();
        org.junit.Assert.assertTrue("our bundles are installed: " + ours, ours.size() >= 2);
        for (Bundle b : ours) {
            org.junit.Assert.assertEquals(b.getSymbolicName() + " is not Active", Bundle.ACTIVE, b.getState());
        }
    }

    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
