-- Service (DOMAIN.md "service"): working hours, holidays and SLA policies the workspace sets, the waiting
-- of every request computed from them, and the rollups the page reads. Design: docs/decisions/0006-service.md.

-- Working hours beyond workspace.settings / location.working_hours: one row per scope.
-- location_id 0 = every location, channel '' = every channel; (0, '') is the workspace default.
CREATE TABLE service_hours (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  location_id  bigint NOT NULL DEFAULT 0,
  channel      text NOT NULL DEFAULT '',
  time_zone    text NOT NULL,
  always_open  boolean NOT NULL DEFAULT false,
  week         jsonb NOT NULL, -- {"mon": [{"from": "09:00", "to": "18:00"}], ...}
  PRIMARY KEY (workspace_id, location_id, channel)
);

-- Days with their own hours ([] = closed), for every location (0) or one.
CREATE TABLE service_holiday (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  location_id  bigint NOT NULL DEFAULT 0,
  day          date NOT NULL,
  name         text NOT NULL,
  hours        jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (workspace_id, location_id, day)
);

-- Promises per channel × kind ('' = any). No rows: the defaults in src/modules/service/sla.ts apply.
CREATE TABLE service_sla_policy (
  workspace_id           integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  channel                text NOT NULL DEFAULT '',
  kind                   text NOT NULL DEFAULT '',
  clock                  text NOT NULL CHECK (clock IN ('business', 'calendar')),
  first_response_minutes integer CHECK (first_response_minutes > 0),
  resolution_minutes     integer CHECK (resolution_minutes > 0),
  PRIMARY KEY (workspace_id, channel, kind)
);

-- What the facts were computed with: another hash (hours, holidays, policies, zone) needs a rebuild.
CREATE TABLE service_state (
  workspace_id integer PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
  config_hash  text NOT NULL,
  time_zone    text NOT NULL,
  first_month  date,
  last_month   date,
  rebuilt_at   timestamptz NOT NULL,
  refreshed_at timestamptz NOT NULL
);

-- One row per request: its waits in calendar and business seconds, whether it arrived in working hours,
-- its SLA deadlines and status as of the last refresh ('running' ones are re-judged against now() on
-- read). day/weekday/hour are the creation time on the workspace's clock. No foreign keys: a per-row
-- check would slow the million-row rebuild; the trigger below forgets a deleted workspace.
CREATE TABLE service_request_fact (
  workspace_id integer NOT NULL,
  request_id   bigint NOT NULL,
  customer_id  bigint,
  created_at   timestamptz NOT NULL,
  day          date NOT NULL,
  weekday      smallint NOT NULL, -- 0 = Monday
  hour         smallint NOT NULL,
  channel      text NOT NULL,
  kind         text NOT NULL,
  location_id  bigint,
  in_hours     boolean NOT NULL,
  fr_s         integer,
  fr_bs        integer,
  res_s        integer,
  res_bs       integer,
  fr_due_at    timestamptz,
  res_due_at   timestamptz,
  fr_sla       text CHECK (fr_sla IN ('met', 'breached', 'running')),
  res_sla      text CHECK (res_sla IN ('met', 'breached', 'running')),
  prev_channel text, -- set on a second-channel try: the channel tried before
  PRIMARY KEY (workspace_id, request_id)
);
CREATE INDEX service_request_fact_day ON service_request_fact (workspace_id, day);
-- The drill-down behind a heatmap cell (an hour of the week) reads a few hundred rows, not a quarter's.
CREATE INDEX service_request_fact_cell ON service_request_fact (workspace_id, weekday, hour, day);
CREATE INDEX service_request_fact_running ON service_request_fact (workspace_id, day)
  WHERE fr_sla = 'running' OR res_sla = 'running';
CREATE INDEX service_request_fact_switched ON service_request_fact (workspace_id, day)
  WHERE prev_channel IS NOT NULL;

-- Monthly slices: dim 'all' (value ''), 'location' (location id, '0' = none), 'kind', 'location_kind'
-- ('<location>|<kind>'), so any filter reads one slice. The bytea columns are little-endian arrays
-- (src/modules/service/packed.ts): heat* have 168 cells (Monday 00–01 first, workspace clock), hist*
-- are duration histograms (bins in src/modules/service/percentiles.ts).
CREATE TABLE service_rollup (
  workspace_id  integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  dim           text NOT NULL CHECK (dim IN ('all', 'location', 'kind', 'location_kind')),
  value         text NOT NULL,
  month         date NOT NULL,
  channel       text NOT NULL,
  in_hours      boolean NOT NULL,
  requests      integer NOT NULL,
  answered      integer NOT NULL,
  resolved      integer NOT NULL,
  fr_sum        bigint NOT NULL,
  frb_sum       bigint NOT NULL,
  res_sum       bigint NOT NULL,
  resb_sum      bigint NOT NULL,
  fr_met        integer NOT NULL,
  fr_breached   integer NOT NULL,
  res_met       integer NOT NULL,
  res_breached  integer NOT NULL,
  switched      integer NOT NULL,
  heat          bytea NOT NULL, -- 168 × int32
  heat_answered bytea NOT NULL, -- 168 × int32
  heat_fr_sum   bytea NOT NULL, -- 168 × float64, seconds
  hist_fr       bytea NOT NULL, -- bins × int32
  hist_frb      bytea NOT NULL,
  hist_res      bytea NOT NULL,
  hist_resb     bytea NOT NULL,
  PRIMARY KEY (workspace_id, dim, value, month, channel, in_hours)
);

-- SLA outcomes per week (Monday, workspace clock), same slices.
CREATE TABLE service_week (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  dim          text NOT NULL,
  value        text NOT NULL,
  week         date NOT NULL,
  channel      text NOT NULL,
  requests     integer NOT NULL,
  fr_met       integer NOT NULL,
  fr_breached  integer NOT NULL,
  res_met      integer NOT NULL,
  res_breached integer NOT NULL,
  PRIMARY KEY (workspace_id, dim, value, week, channel)
);

-- Orders by hour of the week (location 0 = none, channel '' = none), and by wait_days (capped at 60).
CREATE TABLE service_order_rollup (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  month        date NOT NULL,
  location_id  bigint NOT NULL,
  channel      text NOT NULL,
  in_hours     boolean NOT NULL,
  orders       integer NOT NULL,
  heat         bytea NOT NULL, -- 168 × int32
  PRIMARY KEY (workspace_id, month, location_id, channel, in_hours)
);

CREATE TABLE service_order_wait (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  month        date NOT NULL,
  location_id  bigint NOT NULL,
  channel      text NOT NULL,
  wait_days    smallint NOT NULL,
  orders       integer NOT NULL,
  completed    integer NOT NULL,
  cancelled    integer NOT NULL,
  returned     integer NOT NULL,
  PRIMARY KEY (workspace_id, month, location_id, channel, wait_days)
);

CREATE FUNCTION service_forget_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM service_request_fact WHERE workspace_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER service_forget_workspace AFTER DELETE ON workspace
  FOR EACH ROW EXECUTE FUNCTION service_forget_workspace();
