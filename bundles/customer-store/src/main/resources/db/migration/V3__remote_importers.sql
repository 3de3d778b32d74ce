-- Pull importers (Stripe, HubSpot): payments looked up by the source's id, sync schedules and cursors, and the
-- webhook events already received.

-- Payments are looked up by their source's id (sets of ids per batch). H2 uses an index for IN (...) only on its
-- first column, so the unique key is turned around to lead with the external id (one index, not two).
ALTER TABLE bb_charge DROP CONSTRAINT uq_charge_external;
ALTER TABLE bb_charge ADD CONSTRAINT uq_charge_external_id UNIQUE (external_id, project_id);

CREATE TABLE bb_importer_state (
    project_id       UUID          NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    importer_id      VARCHAR(64)   NOT NULL,
    interval_minutes INTEGER       NOT NULL DEFAULT 0,
    next_sync_at     TIMESTAMP,
    last_job_id      UUID,
    sync_cursor      VARCHAR(2000),
    cursor_saved_at  TIMESTAMP,
    PRIMARY KEY (project_id, importer_id)
);
CREATE INDEX ix_importer_state_due ON bb_importer_state (next_sync_at);

CREATE TABLE bb_webhook_event (
    event_id    VARCHAR(255) NOT NULL,
    importer_id VARCHAR(64)  NOT NULL,
    project_id  UUID         NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    received_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (event_id, importer_id, project_id)
);
CREATE INDEX ix_webhook_event_received ON bb_webhook_event (received_at);
