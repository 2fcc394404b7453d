-- Money (DOMAIN.md "Money: models"): each workspace's model fits, and every customer's value from the
-- latest fit. Design and choices: docs/decisions/0004-money.md.

-- One row per fit. Parameters and their standard errors are JSON because three models with different
-- parameter sets take part: {"purchase": BG/NBD, "alive": Pareto/NBD or null, "spend": Gamma-Gamma or null}.
CREATE TABLE money_fit (
  workspace_id     integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id               bigint GENERATED ALWAYS AS IDENTITY,
  fitted_at        timestamptz NOT NULL DEFAULT now(),
  model            text NOT NULL CHECK (model IN ('bgnbd', 'pareto-nbd')), -- the purchase model behind CLV
  alive_model      text NOT NULL CHECK (alive_model IN ('bgnbd', 'pareto-nbd')),
  spend_model      text NOT NULL CHECK (spend_model IN ('gamma-gamma', 'mean')),
  params           jsonb NOT NULL,
  standard_errors  jsonb NOT NULL,
  log_likelihood   double precision NOT NULL,
  customers        integer NOT NULL,
  repeat_customers integer NOT NULL,
  as_of            timestamptz NOT NULL,
  calibration_end  date NOT NULL, -- last day of data in the fit, in the workspace's time zone
  time_unit        text NOT NULL DEFAULT 'weeks' CHECK (time_unit IN ('days', 'weeks', 'months')),
  settings         jsonb NOT NULL, -- the money settings the values were computed with
  holdout          jsonb,          -- holdout metrics; null when the history is too short (reason in diagnostics)
  tracking         jsonb,          -- cumulative repeat purchases, actual vs predicted, per week
  diagnostics      jsonb NOT NULL DEFAULT '{}'::jsonb,
  figures          jsonb,          -- the page's figures, computed once after the values are written
  duration_ms      integer,
  PRIMARY KEY (workspace_id, id)
);

-- Each customer's value as of the latest fit (older rows are replaced). Revenue, the latest NPS answer and
-- the complaint outcome are taken at the fit's as_of, so every figure of a fit describes the same moment.
-- No foreign keys: a per-row check would dominate the COPY of a million rows; the trigger below removes
-- a deleted workspace's rows.
CREATE TABLE customer_value (
  workspace_id       integer NOT NULL,
  customer_id        bigint NOT NULL,
  fit_id             bigint NOT NULL,
  p_alive            double precision NOT NULL,
  p_alive_previous   double precision, -- one period (settings.periodDays) earlier; null for newer customers
  expected_purchases double precision NOT NULL, -- over the horizon
  expected_spend     double precision NOT NULL, -- per purchase occasion, minor units
  clv                bigint NOT NULL,           -- minor units, margin applied, discounted
  repeat_purchases   integer NOT NULL,
  first_purchase     date NOT NULL,
  last_purchase      date NOT NULL,
  revenue_12m        bigint NOT NULL,           -- completed orders in the 12 months up to as_of
  latest_nps         smallint,
  complaint_outcome  text NOT NULL CHECK (complaint_outcome IN ('none', 'fast', 'slow', 'unresolved')),
  computed_at        timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, customer_id)
);
-- The at-risk list and the exports are sorted by value, most valuable first.
CREATE INDEX customer_value_clv ON customer_value (workspace_id, clv DESC);

CREATE FUNCTION money_forget_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_value WHERE workspace_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER money_forget_workspace AFTER DELETE ON workspace
  FOR EACH ROW EXECUTE FUNCTION money_forget_workspace();
