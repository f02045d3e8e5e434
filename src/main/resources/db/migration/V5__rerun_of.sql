-- A run started again (POST /experiments/{id}/rerun, or Requeue in the dashboard) names the run it repeats.
ALTER TABLE experiment_runs ADD COLUMN rerun_of CHAR(36) NULL;
