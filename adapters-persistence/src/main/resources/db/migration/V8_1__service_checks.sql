-- Stored dependency checks (issue 17): uptime of the database, broker, Docker engine, Loki, Prometheus.
CREATE TABLE service_checks (
    service    VARCHAR(64) NOT NULL,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    up         BOOLEAN     NOT NULL,
    latency_ms BIGINT
);
CREATE INDEX idx_service_checks ON service_checks (service, checked_at);
CREATE INDEX idx_service_checks_time ON service_checks (checked_at);
