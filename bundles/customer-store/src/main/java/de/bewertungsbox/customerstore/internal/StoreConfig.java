package de.bewertungsbox.customerstore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the customer store, PID {@code de.bewertungsbox.customerstore}. Method names double the underscore: DS turns
 * {@code max__upload__mb()} into the property {@code max_upload_mb} (a single underscore would become a dot). */
@ObjectClassDefinition(name = "BewertungsBox customer store")
@interface StoreConfig {
    @AttributeDefinition(name = "Default phone region",
            description = "ISO 3166 region for phone numbers without country code, for new projects")
    String default__region() default "DE";

    @AttributeDefinition(name = "Secret encryption key", type = AttributeType.PASSWORD,
            description = "Base64 of 32 random bytes (AES-256). Empty: a key is generated on first start and kept in key_file.")
    String encryption__key() default "";

    @AttributeDefinition(name = "Key file", description = "Where the generated encryption key lives; "
            + "empty means ${karaf.data}/bewertungsbox/secret.key")
    String key__file() default "";

    @AttributeDefinition(name = "Retry interval (s)",
            description = "Longest wait between attempts to reach the database at start")
    int max__retry__seconds() default 30;
}
