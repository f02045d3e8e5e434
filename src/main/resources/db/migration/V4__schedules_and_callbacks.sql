-- Recurring experiments (POST /schedules). Each firing is a JobRunr recurring job (id = schedule id)
-- that submits a normal run. experiment_json never holds the clear secrets block: secrets_cipher holds it encrypted.
CREATE TABLE schedules (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    owner           VARCHAR(50)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    cron            VARCHAR(255),
    interval_spec   VARCHAR(64),
    experiment_json LONGTEXT      NOT NULL,
    secrets_cipher  TEXT,
    callback_url    VARCHAR(2048),
    paused          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP(6)  NOT NULL,
    last_run_id     CHAR(36),
    last_fired_at   TIMESTAMP(6)  NULL,
    firings         BIGINT        NOT NULL DEFAULT 0,
    skipped_firings BIGINT        NOT NULL DEFAULT 0,
    last_skipped_at TIMESTAMP(6)  NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    seq             BIGINT        NOT NULL AUTO_INCREMENT UNIQUE
);
CREATE UNIQUE INDEX idx_schedules_owner_name ON schedules (owner, name);

-- The schedule that fired a run, and where its outcome is POSTed when it ends.
ALTER TABLE experiment_runs ADD COLUMN schedule_id CHAR(36) NULL;
ALTER TABLE experiment_runs ADD COLUMN callback_url VARCHAR(2048) NULL;
