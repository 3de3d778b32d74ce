package de.bewertungsbox.api.importer;

/** Life cycle of an import job. */
public enum ImportStatus {
    /** Accepted, not started. */
    QUEUED,
    /** Reading and storing records. */
    RUNNING,
    /** Every record was read; see the report for rejections. */
    COMPLETED,
    /** Stopped by an error affecting the whole job; what was committed stays committed. */
    FAILED,
    /** Stopped on request or because its importer went away; what was committed stays committed. */
    CANCELLED
}
