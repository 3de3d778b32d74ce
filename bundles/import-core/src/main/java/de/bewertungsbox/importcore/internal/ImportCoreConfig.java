package de.bewertungsbox.importcore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the import engine, PID {@code de.bewertungsbox.importcore}. */
@ObjectClassDefinition(name = "BewertungsBox import engine")
@interface ImportCoreConfig {
    @AttributeDefinition(name = "Concurrent jobs", description = "Import jobs run at once on this node; more wait queued")
    int max_concurrent_jobs() default 2;

    @AttributeDefinition(name = "Batch size", description = "Records stored per transaction (1-10000)")
    int batch_size() default 5000;

    @AttributeDefinition(name = "Writers per job", description = "Batches of one job written at once, each by "
            + "its own transaction; records of one identity always go to the same writer, in file order. "
            + "0 = as the database suits (1 on H2, 2 on PostgreSQL)")
    int writers_per_job() default 0;

    @AttributeDefinition(name = "Work directory", description = "Where uploaded files wait for their job; "
            + "empty means ${karaf.data}/bewertungsbox/imports")
    String work_dir() default "";

    @AttributeDefinition(name = "Silence before failing (minutes)", description = "A running job of any node that "
            + "reports no progress for this long is marked failed (its node died)")
    int silent_job_minutes() default 10;
}
