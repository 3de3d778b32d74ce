package de.bewertungsbox.importerstripe.internal;

import java.lang.annotation.Annotation;

import de.bewertungsbox.api.importer.Importer;

/** Builds the Stripe importer outside OSGi for the benchmark (its configuration type is package-private). */
public final class StripeBenchAccess {
    private StripeBenchAccess() {
    }

    /** @return the importer as Karaf would activate it with its default configuration */
    public static Importer importer() {
        return new StripeImporter(new StripeConfig() {
            @Override public Class<? extends Annotation> annotationType() { return StripeConfig.class; }
            @Override public int max__attempts() { return 8; }
            @Override public int retry__delay__ms() { return 500; }
            @Override public int page__size() { return 100; }
            @Override public int webhook__tolerance__seconds() { return 300; }
        });
    }
}
