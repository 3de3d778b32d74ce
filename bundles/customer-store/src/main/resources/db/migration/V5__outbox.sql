-- Review requests: the outbox the notifier sends from, the strategy's due-set indexes, and the mail sink.

-- The due-set query: a project's customers whose trigger lies in a range, in trigger order. Whether a customer was
-- asked already is looked up in bb_request (ix_request_customer), so scheduling writes nothing to bb_customer.
CREATE INDEX ix_customer_due_signup ON bb_customer (project_id, signed_up_at, id);
CREATE INDEX ix_customer_due_charge ON bb_customer (project_id, last_charge_at, id);

-- Seven day names (MONDAY,...,SUNDAY) take 56 characters; V4 had room for 32.
ALTER TABLE bb_strategy ALTER COLUMN window_days SET DATA TYPE VARCHAR(64);

-- When the strategy was last switched on: customers whose moment passed before are not asked automatically.
ALTER TABLE bb_strategy ADD COLUMN active_from TIMESTAMP;
-- Where /r/{token} sends a customer whose location has no review URL.
ALTER TABLE bb_project ADD COLUMN review_url VARCHAR(2000);

CREATE TABLE bb_request (
    id            UUID          PRIMARY KEY,
    project_id    UUID          NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    customer_id   UUID          NOT NULL REFERENCES bb_customer (id) ON DELETE CASCADE,
    channel       VARCHAR(16)   NOT NULL,
    reminder      SMALLINT      NOT NULL,
    manual        BOOLEAN       NOT NULL,
    due_at        TIMESTAMP     NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    attempts      INTEGER       NOT NULL,
    token         VARCHAR(32)   NOT NULL,
    claimed_by    VARCHAR(64),
    claimed_until TIMESTAMP,
    sent_at       TIMESTAMP,
    clicked_at    TIMESTAMP,
    error         VARCHAR(1000),
    created_at    TIMESTAMP     NOT NULL,
    CONSTRAINT uq_request_token UNIQUE (token)
);
-- Claiming: scheduled rows by due time. Status leads so sent rows are never scanned.
CREATE INDEX ix_request_due ON bb_request (status, due_at);
-- A customer's requests; manual second so "asked automatically?" is answered from the index.
CREATE INDEX ix_request_customer ON bb_request (customer_id, manual, channel);
CREATE INDEX ix_request_project ON bb_request (project_id, id);
-- Per-channel caps count what a project sent in a day or month.
CREATE INDEX ix_request_sent ON bb_request (project_id, channel, sent_at);

-- The built-in mail sink: with no SMTP server configured, e-mail is captured here instead of sent.
CREATE TABLE bb_sink_mail (
    id          UUID           PRIMARY KEY,
    project_id  UUID           NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    request_id  UUID,
    recipient   VARCHAR(254)   NOT NULL,
    subject     VARCHAR(1000)  NOT NULL,
    mime        VARCHAR(200000) NOT NULL,
    created_at  TIMESTAMP      NOT NULL
);
CREATE INDEX ix_sink_mail_project ON bb_sink_mail (project_id, created_at, id);
