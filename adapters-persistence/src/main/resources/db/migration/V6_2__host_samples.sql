-- Metrics (issue 15): samples of host resources. resolution 0 = a raw sample (every 5 s, kept 24 h), 1 = the
-- average of one minute (kept 30 days); downsampling replaces raw rows by minute rows in one transaction.
CREATE TABLE host_samples (
    server_id    VARCHAR(100)     NOT NULL,
    resolution   SMALLINT         NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    cpu_cores    INTEGER          NOT NULL,
    cpu_percent  DOUBLE PRECISION NOT NULL,
    memory_total BIGINT           NOT NULL,
    memory_used  BIGINT           NOT NULL,
    disk_total   BIGINT           NOT NULL,
    disk_used    BIGINT           NOT NULL,
    network_rx   DOUBLE PRECISION NOT NULL,
    network_tx   DOUBLE PRECISION NOT NULL,
    load1        DOUBLE PRECISION NOT NULL,
    load5        DOUBLE PRECISION NOT NULL,
    load15       DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_host_samples PRIMARY KEY (server_id, resolution, at)
);

CREATE INDEX ix_host_samples_server_at ON host_samples (server_id, at);
CREATE INDEX ix_host_samples_resolution_at ON host_samples (resolution, at);
