package de.bewertungsbox.importerhubspot.internal;

import java.lang.annotation.Annotation;

import de.bewertungsbox.api.importer.Importer;

/** Builds the HubSpot importer outside OSGi for the benchmark (its configuration type is package-private). */
public final class HubSpotBenchAccess {
    private HubSpotBenchAccess() {
    }

    /** @return the importer as Karaf would activate it with its default configuration */
    public static Importer importer() {
        return new HubSpotImporter(new HubSpotConfig() {
            @Override public Class<? extends Annotation> annotationType() { return HubSpotConfig.class; }
            @Override public int max__attempts() { return 10; }
            @Override public int retry__delay__ms() { return 200; }
            @Override public int page__size() { return 100; }
            @Override public long webhook__tolerance__ms() { return 300_000; }
        });
    }
}
