-- H2 has no partial indexes; "regression" rules use idx_errors_timestamp (last_seen) there. Same version as the
-- PostgreSQL migration so that both databases record the same history.
SELECT 1;
