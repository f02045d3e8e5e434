-- One row per accepted experiment run. The run id is also the JobRunr job id.
-- experiment_json never holds the clear secrets block: secrets_cipher holds it encrypted.
CREATE TABLE experiment_runs (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    owner           VARCHAR(50)  NOT NULL,
    title           VARCHAR(512) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    dry_mode        VARCHAR(16),
    experiment_json LONGTEXT     NOT NULL,
    secrets_cipher  TEXT,
    journal_json    LONGTEXT,
    deviated        BOOLEAN,
    status_reason   VARCHAR(1024),
    node            VARCHAR(255),
    submitted_at    TIMESTAMP(6) NOT NULL,
    started_at      TIMESTAMP(6) NULL,
    ended_at        TIMESTAMP(6) NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    -- submission order: Connector/J drops fractional seconds against MariaDB, so timestamps alone can tie
    seq             BIGINT       NOT NULL AUTO_INCREMENT UNIQUE
);
CREATE INDEX idx_experiment_runs_owner_seq ON experiment_runs (owner, seq);
CREATE INDEX idx_experiment_runs_status ON experiment_runs (status);
