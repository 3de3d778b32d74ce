package de.bewertungsbox.restapi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the REST API, PID {@code de.bewertungsbox.restapi}. Method names double the underscore: DS turns
 * {@code max__upload__mb()} into the property {@code max_upload_mb} (a single underscore would become a dot). */
@ObjectClassDefinition(name = "BewertungsBox REST API")
@interface RestConfig {
    @AttributeDefinition(name = "Rate limit per key (requests/minute)", description = "0 = off")
    int rate__limit__per__minute() default 0;

    @AttributeDefinition(name = "JAAS realm", description = "Realm that authenticates administrators")
    String realm() default "karaf";
}
