-- Import runs and the rows they could not take (module intake).
CREATE TABLE import_run (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  entity       text NOT NULL CHECK (entity IN ('customers', 'orders', 'requests', 'feedback')),
  source       text NOT NULL CHECK (source IN ('file', 'api', 'web')),
  file_name    text,
  file_sha256  text,
  file_bytes   bigint,
  format       text,
  mapping      jsonb NOT NULL DEFAULT '{}'::jsonb,
  options      jsonb NOT NULL DEFAULT '{}'::jsonb,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  dry_run      boolean NOT NULL DEFAULT false,
  -- the last physical line whose batch is committed: a re-run of the same file resumes after it
  committed_line bigint NOT NULL DEFAULT 0,
  total_rows   bigint,
  rows_read    bigint NOT NULL DEFAULT 0,
  inserted     bigint NOT NULL DEFAULT 0,
  updated      bigint NOT NULL DEFAULT 0,
  unchanged    bigint NOT NULL DEFAULT 0,
  rejected     bigint NOT NULL DEFAULT 0,
  created_customers bigint NOT NULL DEFAULT 0,
  created_locations bigint NOT NULL DEFAULT 0,
  message      text,
  -- which process runs it (host, pid), so a re-run can tell a live import from one that was killed
  runner       jsonb NOT NULL DEFAULT '{}'::jsonb,
  resumed_from bigint,
  created_by   bigint REFERENCES app_user (id) ON DELETE SET NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX import_run_file ON import_run (workspace_id, entity, file_sha256);

CREATE TABLE import_error (
  workspace_id integer NOT NULL,
  run_id       bigint NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  line         bigint,
  record_index integer,
  column_name  text,
  value        text,
  severity     text NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning')),
  code         text NOT NULL,
  message      text NOT NULL,
  PRIMARY KEY (workspace_id, run_id, id),
  FOREIGN KEY (workspace_id, run_id) REFERENCES import_run (workspace_id, id) ON DELETE CASCADE
);
