-- Logs (issue 15), PostgreSQL only: a trigram index so that search (message ILIKE '%word%') does not scan every
-- line. pg_trgm is a trusted extension: the database owner may create it. The extension may already exist in another
-- schema of the database (installed once per database), so its operator class is named with that schema.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX ix_log_entries_message_trgm ON log_entries USING gin (message %I.gin_trgm_ops)',
        trgm_schema);
END
$$;
