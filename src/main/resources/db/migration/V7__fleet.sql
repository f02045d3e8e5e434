-- A fleet on one database (issue 15, docs/adr/0008-fleet-routing.md).
-- The host a run must execute on (?host=, or the accepting host for a run using host-process functions);
-- null: any instance with free workers. A pinned run's JobRunr job lives in that host's table set.
ALTER TABLE experiment_runs ADD COLUMN pinned_host VARCHAR(255) NULL;
-- ?host= of a schedule: every firing's run is pinned there.
ALTER TABLE schedules ADD COLUMN host VARCHAR(255) NULL;
-- Executing instances: their JobRunr server id (alive while its heartbeat is fresh), host and the UDP address
-- other instances nudge to make it fetch new jobs at once.
CREATE TABLE ctk_instances (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    host          VARCHAR(255) NOT NULL,
    nudge_address VARCHAR(300) NULL,
    registered_at TIMESTAMP(6) NOT NULL
);
