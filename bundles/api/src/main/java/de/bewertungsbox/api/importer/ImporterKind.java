package de.bewertungsbox.api.importer;

/** How an importer gets its records. */
public enum ImporterKind {
    /** Records are delivered to us: file uploads, API calls, e-mail. */
    PUSH,
    /** We fetch records from a remote system on a schedule or on demand (Stripe, HubSpot). */
    PULL
}
