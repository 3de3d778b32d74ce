package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;

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

    /** Polls a job (every 20 ms, up to the test timeout) until the condition holds. */
    static ImportJob awaitJob(ItestSupport test, UUID project, UUID job, Predicate<ImportJob> done) throws Exception {
        ImportService imports = test.service(ImportService.class);
        long deadline = System.nanoTime() + ItestSupport.TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            ImportJob j = imports.find(project, job).orElseThrow();
            if (done.test(j)) {
                return j;
            }
            LockSupport.parkNanos(20_000_000);
        }
        throw new AssertionError("job " + job + " did not get there: " + imports.find(project, job));
    }

    /** Imports a CSV file through the import service and waits for the job to end. */
    static ImportJob importCsv(ItestSupport test, UUID project, byte[] csv, ImportOptions options) throws Exception {
        ImportJob queued = test.service(ImportService.class).start(project, "csv", options,
                new ByteArrayInputStream(csv));
        return awaitJob(test, project, queued.id(), j -> j.finishedAt() != null);
    }
}
