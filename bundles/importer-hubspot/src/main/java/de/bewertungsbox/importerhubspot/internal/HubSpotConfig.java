package de.bewertungsbox.importerhubspot.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code de.bewertungsbox.importer.hubspot}: how the importer talks to HubSpot. */
@ObjectClassDefinition(name = "BewertungsBox HubSpot importer")
@interface HubSpotConfig {
    @AttributeDefinition(name = "Attempts per request", description = "A request answered 429 (secondly or "
            + "ten-secondly limit) or 5xx, or failing on the network, is tried this often in all")
    int max__attempts() default 10;

    @AttributeDefinition(name = "Retry delay (ms)", description = "Base of the waits between attempts: 5xx wait "
            + "this times the attempt; a rate limit waits as HubSpot says")
    int retry__delay__ms() default 200;

    @AttributeDefinition(name = "Page size", description = "Contacts per request (list up to 100, search up to 200)")
    int page__size() default 100;

    @AttributeDefinition(name = "Webhook tolerance (ms)", description = "Deliveries with an older "
            + "X-HubSpot-Request-Timestamp are refused")
    long webhook__tolerance__ms() default 300_000;
}
