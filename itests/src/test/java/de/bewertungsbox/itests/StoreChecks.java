package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.UUID;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.UpsertResult;

/**
 * Checks that use our API types. Kept apart from {@link ItestSupport} so a test that installs our features at
 * runtime loads these classes only once the API bundle is there.
 */
final class StoreChecks {
    private StoreChecks() {
    }

    /** Writes a customer through the store services and reads it back, normalised. */
    static UUID writeAndRead(ItestSupport test, String projectName, String email) throws Exception {
        ProjectStore projects = test.service(ProjectStore.class);
        CustomerStore customers = test.service(CustomerStore.class);
        Project p = projects.find(ItestSupport.slug(projectName)).orElseGet(() -> projects.create(projectName));
        UpsertResult r = customers.upsert(p.id(), CustomerInput.builder().firstName("Anna").lastName("Schmidt")
                .email(email.toUpperCase(Locale.ROOT)).phone("030 1234567").source("itest").build());
        assertTrue(r.errors().toString(), r.errors().isEmpty());
        Customer c = customers.find(p.id(), r.customerId()).orElseThrow();
        assertEquals(email, c.email());
        assertEquals("+49301234567", c.phone());
        return p.id();
    }
}
