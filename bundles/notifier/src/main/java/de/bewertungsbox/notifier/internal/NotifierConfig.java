package de.bewertungsbox.notifier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The notifier (PID {@code de.bewertungsbox.notifier}; it also reads {@code public_url} of
 * {@code de.bewertungsbox.core}). Method names double the underscore: DS maps {@code poll__seconds()} to
 * {@code poll_seconds}.
 */
@ObjectClassDefinition(name = "BewertungsBox notifier")
@interface NotifierConfig {
    /** @return seconds between looks at the outbox */
    @AttributeDefinition(min = "1")
    int poll__seconds() default 5;

    /** @return requests claimed at a time */
    @AttributeDefinition(min = "1")
    int batch__size() default 50;

    /** @return how long a claim holds; a node that dies holding one frees it after this */
    @AttributeDefinition(min = "10")
    int claim__timeout__seconds() default 300;

    /** @return delivery attempts before a request is marked failed */
    @AttributeDefinition(min = "1")
    int max__attempts() default 8;

    /** @return the first retry's delay; each further one doubles it, up to 6 hours */
    @AttributeDefinition(min = "1")
    int retry__base__seconds() default 60;

    /** @return where users reach this server; links in messages start with it (PID de.bewertungsbox.core) */
    String public__url() default "http://localhost:8181";
}
