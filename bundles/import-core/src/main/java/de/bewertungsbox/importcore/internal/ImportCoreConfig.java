package de.bewertungsbox.importcore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the import engine, PID {@code de.bewertungsbox.importcore}. Method names double the underscore: DS turns
 * {@code max__upload__mb()} into the property {@code max_upload_mb} (a single underscore would become a dot). */
@ObjectClassDefinition(name = "BewertungsBox import engine")
@interface ImportCoreConfig {
    @AttributeDefinition(name = "Concurrent jobs", description = "Import jobs run at once on this node; more wait queued")
    int max__concurrent__jobs() default 2;

    @AttributeDefinition(name = "Batch size", description = "Records stored per transaction (1-10000)")
    int batch__size() default 5000;

    @AttributeDefinition(name = "Writers per job", description = "Batches of one job written at once, each by "
            + "its own transaction; records of one identity always go to the same writer, in file order. "
            + "0 = as the database suits (1 on H2, 2 on PostgreSQL)")
    int writers__per__job() default 0;

    @AttributeDefinition(name = "Work directory", description = "Where uploaded files wait for their job; "
            + "empty means ${karaf.data}/bewertungsbox/imports")
    String work__dir() default "";

    @AttributeDefinition(name = "Silence before failing (minutes)", description = "A running job of any node that "
            + "reports no progress for this long is marked failed (its node died)")
    int silent__job__minutes() default 10;

    @AttributeDefinition(name = "Sync check (seconds)", description = "How often this node looks for scheduled "
            + "syncs of pull importers (Stripe, HubSpot) that are due")
    int sync__check__seconds() default 30;
}
