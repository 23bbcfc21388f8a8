-- Alerting, incidents and notifications (issue 17). Portable between H2 2.x and PostgreSQL 15: no vendor types.
-- "value" and "key" are reserved words in H2: the columns are observed_value, threshold_value, alert_key.

CREATE TABLE alert_rules (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    operator           VARCHAR(4)    NOT NULL,
    threshold_value    DOUBLE PRECISION NOT NULL,
    window_seconds     BIGINT        NOT NULL,
    level              VARCHAR(16),
    source             VARCHAR(200),
    environment        VARCHAR(200),
    fingerprint        VARCHAR(200),
    metric             VARCHAR(64),
    server_id          VARCHAR(200),
    severity           VARCHAR(16)   NOT NULL,
    enabled            BOOLEAN       NOT NULL,
    notifications      VARCHAR(4200) NOT NULL,
    repeat_seconds     BIGINT        NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_triggered     TIMESTAMP WITH TIME ZONE,
    -- The evaluator's lease: an instance claims a due rule by moving next_evaluation_at forward in one UPDATE.
    next_evaluation_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claim              VARCHAR(64)
);
CREATE INDEX idx_alert_rules_due ON alert_rules (enabled, next_evaluation_at);
CREATE INDEX idx_alert_rules_claim ON alert_rules (claim);

CREATE TABLE alerts (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    rule_id          VARCHAR(64)   NOT NULL,
    alert_key        VARCHAR(200)  NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    service          VARCHAR(200),
    description      VARCHAR(2000),
    firing           BOOLEAN       NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    observed_value   DOUBLE PRECISION NOT NULL,
    threshold_value  DOUBLE PRECISION NOT NULL,
    last_notified_at TIMESTAMP WITH TIME ZONE,
    incident_id      VARCHAR(64)
);
CREATE INDEX idx_alerts_rule_firing ON alerts (rule_id, firing);
CREATE INDEX idx_alerts_firing_started ON alerts (firing, started_at);
CREATE INDEX idx_alerts_started ON alerts (started_at);

CREATE TABLE incidents (
    id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    title       VARCHAR(300)   NOT NULL,
    description VARCHAR(10000),
    severity    VARCHAR(16)    NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    assigned_to VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_incidents_created ON incidents (created_at);

CREATE TABLE incident_updates (
    incident_id VARCHAR(64)    NOT NULL,
    seq         INTEGER        NOT NULL,
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    author      VARCHAR(200),
    status      VARCHAR(16)    NOT NULL,
    message     VARCHAR(10000),
    CONSTRAINT pk_incident_updates PRIMARY KEY (incident_id, seq),
    CONSTRAINT fk_incident_updates FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE CASCADE
);

-- Secrets are sealed by the server (AES-GCM under the key-encryption key, the channel id as associated data).
CREATE TABLE notification_channels (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    name             VARCHAR(100)  NOT NULL,
    type             VARCHAR(16)   NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    settings         VARCHAR(16000) NOT NULL,
    secret_previews  VARCHAR(2000) NOT NULL,
    sealed_secrets   VARCHAR(16000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_test        TIMESTAMP WITH TIME ZONE,
    last_test_status VARCHAR(500)
);

-- The delivery queue is the history: pending rows are due at next_attempt_at; a claim moves that forward.
CREATE TABLE notification_deliveries (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    channel_id      VARCHAR(64)   NOT NULL,
    channel_name    VARCHAR(100),
    channel_type    VARCHAR(16),
    alert_id        VARCHAR(64),
    rule_id         VARCHAR(64),
    kind            VARCHAR(16)   NOT NULL,
    severity        VARCHAR(16),
    title           VARCHAR(400),
    body            VARCHAR(4000),
    observed_value  DOUBLE PRECISION NOT NULL,
    threshold_value DOUBLE PRECISION NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    claim           VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_deliveries_due ON notification_deliveries (status, next_attempt_at);
CREATE INDEX idx_deliveries_created ON notification_deliveries (created_at);
CREATE INDEX idx_deliveries_channel ON notification_deliveries (channel_id, created_at);

-- Host and container metric readings for thresholds (written by the samplers through MetricReadings).
CREATE TABLE metric_readings (
    metric         VARCHAR(64)  NOT NULL,
    server_id      VARCHAR(200) NOT NULL,
    observed_value DOUBLE PRECISION NOT NULL,
    observed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_metric_readings ON metric_readings (metric, observed_at);

-- Statistics and trends: occurrences by time with their level (index-only counts), groups by resolution time.
CREATE INDEX idx_occurrences_time_level ON error_occurrences (occurred_at, level);
CREATE INDEX idx_errors_resolved_at ON error_groups (resolved_at);
