package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/**
 * A second Karaf boot on the database {@link DistributionIT} wrote (runs after it: failsafe runs classes in
 * alphabetical order): the customer is still there and the migrations do not run again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionRestartIT extends ItestSupport {

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {h2At(DistributionIT.RESTART_DB)};
    }

    @Test
    public void dataSurvivesARestart() throws Exception {
        Project p = service(ProjectStore.class).find(slug(DistributionIT.RESTART_PROJECT))
                .orElseThrow(() -> new AssertionError("project written by DistributionIT is gone"));
        CustomerStore customers = service(CustomerStore.class);
        assertEquals(1, customers.list(p.id(), new CustomerQuery(DistributionIT.RESTART_EMAIL, null, null, null, null,
                null, 10)).data().size());
        assertEverythingOfOursRuns();
    }
}
