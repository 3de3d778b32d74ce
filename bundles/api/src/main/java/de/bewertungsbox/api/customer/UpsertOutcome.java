package de.bewertungsbox.api.customer;

/** What a create-or-update did with one record. */
public enum UpsertOutcome {
    /** A new customer was stored. */
    CREATED,
    /** An existing customer (same identity) was changed. */
    UPDATED,
    /** An existing customer matched and already had every value. */
    UNCHANGED,
    /** The record broke a rule; nothing was stored for it. */
    REJECTED
}
