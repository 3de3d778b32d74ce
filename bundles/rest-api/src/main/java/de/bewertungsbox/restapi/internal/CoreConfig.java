package de.bewertungsbox.restapi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Platform-wide settings, PID {@code de.bewertungsbox.core}. Method names double the underscore: DS turns
 * {@code max__upload__mb()} into the property {@code max_upload_mb} (a single underscore would become a dot). */
@ObjectClassDefinition(name = "BewertungsBox core")
@interface CoreConfig {
    @AttributeDefinition(name = "Public URL", description = "Where users reach this server; links in messages start with it")
    String public__url() default "http://localhost:8181";

    @AttributeDefinition(name = "Largest upload (MB)", description = "CSV uploads beyond this are refused with 413")
    int max__upload__mb() default 1024;
}
