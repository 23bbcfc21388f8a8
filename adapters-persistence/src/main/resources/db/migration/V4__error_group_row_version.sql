-- A token that changes with every write of an error group (a random 64-bit value, never a counter: a token that a
-- rolled-back transaction wrote can then never reappear). The ingestion writer keeps recently written groups in
-- memory and updates them "where row_version = <the token it wrote>", so it need not read and lock rows that no one
-- else changed; a mismatch means another writer did, and the batch is retried with locking reads.
ALTER TABLE error_groups ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
