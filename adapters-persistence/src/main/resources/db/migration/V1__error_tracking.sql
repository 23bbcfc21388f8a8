-- Error tracking (Health Monitor contract). Portable between H2 2.x and PostgreSQL 15: no vendor types.
-- The seed's "errors" table is error_groups; its "timestamp" is last_seen. Index names follow the seed.

CREATE TABLE error_groups (
    id               VARCHAR(64)    NOT NULL PRIMARY KEY,
    fingerprint      VARCHAR(64)    NOT NULL,
    grouping_version INTEGER        NOT NULL,
    level            VARCHAR(16)    NOT NULL,
    message          VARCHAR(8192)  NOT NULL,
    stack_trace      VARCHAR(65536),
    context          VARCHAR(65536) NOT NULL,
    source           VARCHAR(2048),
    environment      VARCHAR(2048),
    url              VARCHAR(4096),
    user_agent       VARCHAR(1024),
    ip_address       VARCHAR(64),
    resolved         BOOLEAN        NOT NULL,
    regressed        BOOLEAN        NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    occurrence_count BIGINT         NOT NULL,
    first_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_error_groups_fingerprint UNIQUE (fingerprint)
);

CREATE INDEX idx_errors_timestamp ON error_groups (last_seen);
CREATE INDEX idx_errors_level ON error_groups (level);
CREATE INDEX idx_errors_source ON error_groups (source);
CREATE INDEX idx_errors_resolved ON error_groups (resolved);
-- idx_errors_fingerprint: served by the unique constraint uq_error_groups_fingerprint.
CREATE INDEX idx_errors_level_timestamp ON error_groups (level, last_seen);
CREATE INDEX idx_errors_resolved_timestamp ON error_groups (resolved, last_seen);

CREATE TABLE error_occurrences (
    id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    group_id    VARCHAR(64)    NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    level       VARCHAR(16)    NOT NULL,
    environment VARCHAR(2048),
    url         VARCHAR(4096),
    user_agent  VARCHAR(1024),
    ip_address  VARCHAR(64),
    context     VARCHAR(65536) NOT NULL,
    CONSTRAINT fk_occurrences_group FOREIGN KEY (group_id) REFERENCES error_groups (id) ON DELETE CASCADE
);

CREATE INDEX idx_occurrences_group_time ON error_occurrences (group_id, occurred_at);
CREATE INDEX idx_occurrences_time ON error_occurrences (occurred_at);

CREATE TABLE api_keys (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    preview    VARCHAR(64)  NOT NULL,
    hash       VARCHAR(512) NOT NULL,
    scopes     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    last_used  TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
