-- Where a run executed (ctk.instance.host), or, before it starts, the host of the instance that accepted it.
ALTER TABLE experiment_runs ADD COLUMN host VARCHAR(255) NULL;
