-- Import jobs, their counts and every rejected row (for the report and the "rejected rows" download).
CREATE TABLE bb_import_job (
    id               UUID PRIMARY KEY,
    project_id       UUID          NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    importer_id      VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    dry_run          BOOLEAN       NOT NULL,
    node             VARCHAR(64)   NOT NULL,
    total            BIGINT        NOT NULL DEFAULT 0,
    created          BIGINT        NOT NULL DEFAULT 0,
    updated          BIGINT        NOT NULL DEFAULT 0,
    unchanged        BIGINT        NOT NULL DEFAULT 0,
    rejected         BIGINT        NOT NULL DEFAULT 0,
    percent          INTEGER       NOT NULL DEFAULT -1,
    cancel_requested BOOLEAN       NOT NULL DEFAULT FALSE,
    error            VARCHAR(2000),
    header           VARCHAR(32000),
    ignored_columns  VARCHAR(8000),
    created_at       TIMESTAMP     NOT NULL,
    started_at       TIMESTAMP,
    finished_at      TIMESTAMP,
    heartbeat_at     TIMESTAMP     NOT NULL
);
CREATE INDEX ix_import_job_project ON bb_import_job (project_id, id);
CREATE INDEX ix_import_job_status ON bb_import_job (status, node);

-- One row per rejected record; errors as "field<TAB>message" lines, values joined by U+001F.
CREATE TABLE bb_import_rejection (
    job_id    UUID           NOT NULL REFERENCES bb_import_job (id) ON DELETE CASCADE,
    row_no    BIGINT         NOT NULL,
    line_no   BIGINT         NOT NULL,
    errors    VARCHAR(8000)  NOT NULL,
    row_values VARCHAR(1000000) NOT NULL
);
CREATE INDEX ix_import_rejection_job ON bb_import_rejection (job_id, row_no);
