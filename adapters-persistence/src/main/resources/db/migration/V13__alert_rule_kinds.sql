-- Rule kinds "new group", "regression" and "service down" (issue 17). Portable between H2 2.x and PostgreSQL 15.
-- service_down rules name the service whose stored checks (service_checks) they read.
ALTER TABLE alert_rules ADD COLUMN service VARCHAR(64);
-- "New group" rules look up groups by first_seen. It is set once when a group is created and never changes, so
-- unlike last_seen this index is not rewritten by an occurrence's update of its group.
CREATE INDEX idx_errors_first_seen ON error_groups (first_seen);
-- Metric thresholds read the host sample store (host_samples) and the container engine; nothing wrote this table.
DROP TABLE metric_readings;
