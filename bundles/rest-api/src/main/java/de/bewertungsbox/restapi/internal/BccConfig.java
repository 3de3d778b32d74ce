package de.bewertungsbox.restapi.internal;

/** The BCC importer's mail domain (PID {@code de.bewertungsbox.importer.bcc}), for showing projects' BCC addresses. */
@interface BccConfig {
    String domain() default "bcc.bewertungsbox.local";
}
