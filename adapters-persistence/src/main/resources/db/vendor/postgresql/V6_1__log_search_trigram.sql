-- Logs (issue 15), PostgreSQL only: a trigram index so that search (message ILIKE '%word%') does not scan every
-- line. pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_log_entries_message_trgm ON log_entries USING gin (message gin_trgm_ops);
