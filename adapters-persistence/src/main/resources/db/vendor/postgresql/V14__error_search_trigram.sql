-- Error search (issue 17), PostgreSQL only: GET /api/errors?search=<word> matches lower(message) LIKE '%word%'. A
-- trigram index on that expression finds the candidate groups instead of scanning every group (measured at 1,000,000
-- groups: about 1 s per search without it). Building it on an existing large table takes a while (about 2 minutes
-- for 1,000,000 groups on a busy 2-core machine) and blocks writes to error_groups meanwhile. The operator class is
-- named with the schema pg_trgm lives in (see V6_1).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX ix_error_groups_message_trgm ON error_groups USING gin (lower(message) %I.gin_trgm_ops)',
        trgm_schema);
END
$$;
