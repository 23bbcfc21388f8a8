-- Apps are updated in place all day (every status report of an app rewrites its row). With the default fillfactor
-- (100) a page has no room for the new version, so each update wrote a new tuple on another page and an entry in all
-- four indexes, and lookups by name walked the dead versions until a vacuum: PostgreSQL's CPU per status report
-- tripled from the first round of reports to the third (bench/commands.sh, docs/performance.md). Half-full pages let
-- an update stay on its page (a HOT update: no index entries, dead versions pruned on the page when it is next read).
-- Applies to pages written from now on; an existing table gets it fully at its next VACUUM FULL or CLUSTER.
ALTER TABLE apps SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.05);
