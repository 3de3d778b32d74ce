-- BewertungsBox schema v1. Portable across H2 2.x and PostgreSQL 12+. Times are UTC.
CREATE TABLE bb_project (
    id             UUID PRIMARY KEY,
    slug           VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    bcc_token      VARCHAR(64)  NOT NULL,
    default_region VARCHAR(2)   NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    CONSTRAINT uq_project_slug UNIQUE (slug),
    CONSTRAINT uq_project_bcc UNIQUE (bcc_token)
);

CREATE TABLE bb_api_key (
    id         UUID PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    prefix     VARCHAR(32) NOT NULL,
    key_hash   VARCHAR(64) NOT NULL,
    label      VARCHAR(200),
    created_at TIMESTAMP   NOT NULL,
    revoked_at TIMESTAMP,
    CONSTRAINT uq_api_key_prefix UNIQUE (prefix)
);
CREATE INDEX ix_api_key_project ON bb_api_key (project_id);

CREATE TABLE bb_location (
    id         UUID PRIMARY KEY,
    project_id UUID          NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    slug       VARCHAR(64)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    review_url VARCHAR(2000),
    created_at TIMESTAMP     NOT NULL,
    CONSTRAINT uq_location_slug UNIQUE (project_id, slug)
);

CREATE TABLE bb_customer (
    id               UUID PRIMARY KEY,
    project_id       UUID         NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    first_name       VARCHAR(100) NOT NULL,
    last_name        VARCHAR(100),
    email            VARCHAR(254),
    phone            VARCHAR(20),
    company          VARCHAR(200),
    location_id      UUID REFERENCES bb_location (id) ON DELETE SET NULL,
    signed_up_at     TIMESTAMP    NOT NULL,
    has_subscription BOOLEAN      NOT NULL DEFAULT FALSE,
    opted_out_at     TIMESTAMP,
    sources          VARCHAR(200) NOT NULL,
    charge_count     INTEGER      NOT NULL DEFAULT 0,
    last_charge_at   TIMESTAMP,
    created_at       TIMESTAMP    NOT NULL,
    updated_at       TIMESTAMP    NOT NULL,
    -- The looked-up column leads each identity index: H2 uses an index for IN (...) only on its first column.
    CONSTRAINT uq_customer_email UNIQUE (email, project_id)
);
CREATE INDEX ix_customer_phone ON bb_customer (phone, project_id);
CREATE INDEX ix_customer_project ON bb_customer (project_id, id);

-- (source, external id) identities; a customer may be known to several sources.
CREATE TABLE bb_customer_ref (
    project_id  UUID         NOT NULL,
    source      VARCHAR(32)  NOT NULL,
    external_id VARCHAR(255) NOT NULL,
    customer_id UUID         NOT NULL REFERENCES bb_customer (id) ON DELETE CASCADE,
    PRIMARY KEY (external_id, source, project_id)
);
CREATE INDEX ix_customer_ref_customer ON bb_customer_ref (customer_id);

CREATE TABLE bb_charge (
    id          UUID PRIMARY KEY,
    project_id  UUID         NOT NULL,
    customer_id UUID         NOT NULL REFERENCES bb_customer (id) ON DELETE CASCADE,
    amount      BIGINT       NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    charged_at  TIMESTAMP    NOT NULL,
    source      VARCHAR(32)  NOT NULL,
    external_id VARCHAR(255),
    CONSTRAINT uq_charge_external UNIQUE (project_id, external_id)
);
CREATE INDEX ix_charge_customer ON bb_charge (customer_id, charged_at);

-- Per customer and currency: kept current in the same transaction as each charge.
CREATE TABLE bb_customer_spend (
    customer_id  UUID       NOT NULL REFERENCES bb_customer (id) ON DELETE CASCADE,
    currency     VARCHAR(3) NOT NULL,
    charge_count INTEGER    NOT NULL,
    net_total    BIGINT     NOT NULL,
    PRIMARY KEY (customer_id, currency)
);

CREATE TABLE bb_secret (
    project_id UUID          NOT NULL REFERENCES bb_project (id) ON DELETE CASCADE,
    name       VARCHAR(100)  NOT NULL,
    ciphertext VARCHAR(8000) NOT NULL,
    updated_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (project_id, name)
);
