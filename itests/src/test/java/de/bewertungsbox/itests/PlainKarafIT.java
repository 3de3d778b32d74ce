package de.bewertungsbox.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;

import java.net.URI;
import java.util.EnumSet;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * An enterprise admin's own server: a plain Apache Karaf 4.4.10. Adding our features repository and installing
 * {@code bewertungsbox} at runtime gives the same working store as our distribution; the feature brings its
 * default configuration (embedded H2 under {@code ${karaf.data}}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlainKarafIT extends ItestSupport {

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Override
    protected MavenArtifactUrlReference distribution() {
        return maven("org.apache.karaf", "apache-karaf").type("tar.gz").versionAsInProject();
    }

    @Test
    public void installsIntoAPlainKaraf() throws Exception {
        assertTrue("a plain Karaf has none of our bundles", ourBundles().isEmpty());
        features.addRepository(URI.create(featuresRepo()));
        features.installFeature("bewertungsbox", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        for (String importer : new String[] {"csv", "stripe", "hubspot", "bcc"}) {
            features.installFeature("bewertungsbox-importer-" + importer,
                    EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        assertEverythingOfOursRuns();
        StoreChecks.writeAndRead(this, "Plain Karaf", "plain@example.com");
    }
}
