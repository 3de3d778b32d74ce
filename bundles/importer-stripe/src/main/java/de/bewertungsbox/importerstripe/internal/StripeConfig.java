package de.bewertungsbox.importerstripe.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code de.bewertungsbox.importer.stripe}: how the importer talks to Stripe. */
@ObjectClassDefinition(name = "BewertungsBox Stripe importer")
@interface StripeConfig {
    @AttributeDefinition(name = "Attempts per request", description = "A request refused with 429 (rate limit) or "
            + "5xx, or that fails on the network, is tried this often in all before the sync fails")
    int max__attempts() default 8;

    @AttributeDefinition(name = "First retry delay (ms)", description = "Doubles with each retry, at most 30 s")
    int retry__delay__ms() default 500;

    @AttributeDefinition(name = "Page size", description = "Objects per list request (Stripe allows 1-100)")
    int page__size() default 100;

    @AttributeDefinition(name = "Webhook tolerance (s)", description = "Deliveries signed longer ago are refused "
            + "(replay protection)")
    int webhook__tolerance__seconds() default 300;
}
