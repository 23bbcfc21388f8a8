-- "Regression" rules (issue 17) look up regressed groups seen in a window. A partial index holds only the regressed
-- rows, so the common occurrence (of a group that is not regressed) adds no entry to it.
CREATE INDEX idx_errors_regressed_seen ON error_groups (last_seen) WHERE regressed;
