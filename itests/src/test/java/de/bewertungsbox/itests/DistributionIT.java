package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Boots a fresh copy of our distribution: the boot features come up cleanly, every bundle of ours is Active, HTTP
 * answers, and the store writes and reads a customer. The database lives outside the runtime folder so that
 * {@link DistributionRestartIT} can check it after a new Karaf boot.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends ItestSupport {
    static final File RESTART_DB = new File("target/itest-db/restart");
    static final String RESTART_PROJECT = "Restart Check";
    static final String RESTART_EMAIL = "restart@example.com";

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {h2At(RESTART_DB)};
    }

    @Test
    public void everyFeatureAndBundleOfOursRuns() throws Exception {
        assertEverythingOfOursRuns();
    }

    @Test
    public void bootLogHasNoErrors() throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> errors;
        try (Stream<String> lines = Files.lines(log)) {
            errors = lines.filter(l -> l.contains("| ERROR |")).collect(Collectors.toList());
        }
        assertEquals("ERROR lines in " + log, List.of(), errors);
    }

    @Test
    public void storeWritesAndReadsAndHttpAnswers() throws Exception {
        StoreChecks.writeAndRead(this, RESTART_PROJECT, RESTART_EMAIL);
        assertEquals(404, httpStatus("/no-such-page"));
    }
}
