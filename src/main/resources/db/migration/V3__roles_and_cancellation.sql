-- Roles of dqualizer users, kept apart from dqualizer's own users table (which is never altered).
CREATE TABLE IF NOT EXISTS user_roles (
    username VARCHAR(50) NOT NULL,
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, role)
);

-- A cancellation asked on one instance for a run executing on another one.
ALTER TABLE experiment_runs ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX idx_experiment_runs_node_status ON experiment_runs (node, status);
