package de.bewertungsbox.api.notify;

/** Where a review request stands in the outbox. */
public enum RequestStatus {
    /** Waiting for its due time. */
    SCHEDULED,
    /** Delivered to the channel. */
    SENT,
    /** Permanently failed (bad address, too many attempts). */
    FAILED,
    /** Not sent on purpose (opted out, condition no longer met). */
    SKIPPED,
    /** Withdrawn before sending (customer erased, asked by hand instead). */
    CANCELLED
}
