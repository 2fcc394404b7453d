-- The speedometer (DOMAIN.md "The speedometer: definitions") and the initiatives it measures.
-- Design and refinements: docs/decisions/0003-speedometer.md.

-- Incremental refresh finds the rows changed since a time; without these it would scan every order.
CREATE INDEX IF NOT EXISTS orders_updated ON orders (workspace_id, updated_at);
CREATE INDEX IF NOT EXISTS request_updated ON request (workspace_id, updated_at);
CREATE INDEX IF NOT EXISTS feedback_updated ON feedback (workspace_id, updated_at);
CREATE INDEX IF NOT EXISTS customer_updated ON customer (workspace_id, updated_at);

-- Minimal segments so the speedometer's segment filter works as soon as segments exist. The segments
-- module owns these tables and extends them with ALTER TABLE (they are created IF NOT EXISTS for that reason).
CREATE TABLE IF NOT EXISTS segment (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  name         text NOT NULL,
  kind         text NOT NULL DEFAULT 'manual',
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE TABLE IF NOT EXISTS customer_segment (
  workspace_id integer NOT NULL,
  segment_id   bigint NOT NULL,
  customer_id  bigint NOT NULL,
  PRIMARY KEY (workspace_id, segment_id, customer_id),
  FOREIGN KEY (workspace_id, segment_id) REFERENCES segment (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS customer_segment_customer ON customer_segment (workspace_id, customer_id);

-- What the last rebuild was computed with: a change of window or time zone needs a full rebuild.
CREATE TABLE speedometer_state (
  workspace_id integer PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
  window_days  integer NOT NULL,
  time_zone    text NOT NULL,
  -- months (in the workspace's zone) that hold orders or survey answers
  first_month  date,
  last_month   date,
  rebuilt_at   timestamptz NOT NULL,
  refreshed_at timestamptz NOT NULL,
  -- rows this workspace holds in speedometer_customer
  kept_customers integer NOT NULL DEFAULT 0
);

-- Each customer's history (orders, complaints, referrer, segments) as it was when last counted, in a
-- compact binary form (src/modules/speedometer/history-codec.ts). Incremental refresh takes back a changed
-- customer's old contribution from here before adding the new one, so it never rescans the workspace.
-- UNLOGGED: it can always be derived again, and skipping the WAL halves the rebuild's write. After a crash
-- PostgreSQL empties it; speedometer_state.kept_customers tells the next refresh to rebuild instead.
-- No foreign keys: a per-row check would slow the rebuild's load; a deleted workspace's rows go with it
-- through the trigger below.
CREATE UNLOGGED TABLE speedometer_customer (
  workspace_id integer NOT NULL,
  customer_id  bigint NOT NULL,
  history      bytea NOT NULL,
  PRIMARY KEY (workspace_id, customer_id)
);

-- Behaviour rollup: numerators and denominators per month and dimension value ('' for dim 'all').
-- repeat_*_delta are difference arrays (a customer enters the repeat cohort at one month and leaves at
-- another); repeat_base / repeat_returned are their running sums, kept up to date by every refresh.
CREATE TABLE speedometer_month (
  workspace_id          integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  dim                   text NOT NULL CHECK (dim IN ('all', 'location', 'channel', 'segment')),
  value                 text NOT NULL,
  month                 date NOT NULL,
  repeat_base_delta     integer NOT NULL DEFAULT 0,
  repeat_returned_delta integer NOT NULL DEFAULT 0,
  repeat_base           integer NOT NULL DEFAULT 0,
  repeat_returned       integer NOT NULL DEFAULT 0,
  recovery_base         integer NOT NULL DEFAULT 0,
  recovery_returned     integer NOT NULL DEFAULT 0,
  orders                integer NOT NULL DEFAULT 0,
  orders_full           integer NOT NULL DEFAULT 0,
  revenue               bigint NOT NULL DEFAULT 0,
  revenue_full          bigint NOT NULL DEFAULT 0,
  revenue_sq            double precision NOT NULL DEFAULT 0, -- Σ amount², for the effective sample size
  wait_orders           integer NOT NULL DEFAULT 0,
  wait_completed        integer NOT NULL DEFAULT 0,
  new_customers         integer NOT NULL DEFAULT 0,
  new_referred          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, dim, value, month)
);

-- Stated scores per month and dimension value; recomputed month by month.
CREATE TABLE speedometer_stated (
  workspace_id   integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  dim            text NOT NULL CHECK (dim IN ('all', 'location', 'channel', 'segment')),
  value          text NOT NULL,
  month          date NOT NULL,
  nps_n          integer NOT NULL DEFAULT 0,
  nps_promoters  integer NOT NULL DEFAULT 0,
  nps_detractors integer NOT NULL DEFAULT 0,
  csat_n         integer NOT NULL DEFAULT 0,
  csat_good      integer NOT NULL DEFAULT 0,
  ces_n          integer NOT NULL DEFAULT 0,
  ces_sum        integer NOT NULL DEFAULT 0,
  ces_sumsq      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, dim, value, month)
);

CREATE FUNCTION speedometer_forget_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM speedometer_customer WHERE workspace_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER speedometer_forget_workspace AFTER DELETE ON workspace
  FOR EACH ROW EXECUTE FUNCTION speedometer_forget_workspace();

-- Initiatives (the pedals): status, and a stamp for edits. Targets are one of {"location": …},
-- {"channel": …}, {"segment": …}, {"problem": …} or {} for the whole business (checked by the API).
ALTER TABLE initiative
  ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active'
    CHECK (status IN ('planned', 'active', 'done', 'cancelled')),
  ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS initiative_started ON initiative (workspace_id, started_at);
