-- Segments, personas and customer journey maps (DOMAIN.md "segments"), module segments. Design and reasons:
-- docs/decisions/0008-segments.md. 0004 created minimal segment and customer_segment tables so the speedometer's
-- segment filter could exist first; this migration extends them (safe where 0001–0007 already ran).

ALTER TABLE segment
  -- stable key of a computed segment: 'rfm:champions', 'cluster:3'; NULL for rule and manual segments
  ADD COLUMN IF NOT EXISTS code              text,
  -- rule segments: the filter (rules.ts); clusters: the centroid in raw feature units, to match the next run
  ADD COLUMN IF NOT EXISTS definition        jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- a person's name for a computed segment (the computed name changes with the data; this one stays)
  ADD COLUMN IF NOT EXISTS custom_name       text,
  ADD COLUMN IF NOT EXISTS description       text,
  ADD COLUMN IF NOT EXISTS owner_id          bigint REFERENCES app_user (id) ON DELETE SET NULL,
  ADD COLUMN IF NOT EXISTS is_target         boolean NOT NULL DEFAULT false,
  -- the persona card's editable text; the computed facts and quotes are read from the data
  ADD COLUMN IF NOT EXISTS persona_needs     text NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS persona_jobs      text NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS persona_value     text NOT NULL DEFAULT '',
  -- as of the last rebuild
  ADD COLUMN IF NOT EXISTS size              integer NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS profile           jsonb,
  -- a computed segment the last run did not find again (kept, with its owner and persona, but empty)
  ADD COLUMN IF NOT EXISTS retired_at        timestamptz,
  ADD COLUMN IF NOT EXISTS updated_at        timestamptz NOT NULL DEFAULT now();

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'segment_kind_check') THEN
    ALTER TABLE segment ADD CONSTRAINT segment_kind_check CHECK (kind IN ('rfm', 'cluster', 'rule', 'manual'));
  END IF;
END $$;
CREATE UNIQUE INDEX IF NOT EXISTS segment_code ON segment (workspace_id, code) WHERE code IS NOT NULL;

-- What the last rebuild computed with and found: the features, the silhouette per k, timings.
CREATE TABLE IF NOT EXISTS segment_run (
  workspace_id integer PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
  as_of        timestamptz,
  customers    integer NOT NULL,
  k            integer,
  silhouette   jsonb NOT NULL DEFAULT '[]'::jsonb, -- [{ "k": 2, "silhouette": 0.41 }, ...]
  features     jsonb NOT NULL DEFAULT '[]'::jsonb,
  base         jsonb NOT NULL DEFAULT '{}'::jsonb, -- feature means of the whole base
  ms           integer NOT NULL DEFAULT 0,
  built_at     timestamptz NOT NULL DEFAULT now()
);

-- Customer journey maps: stages in order, touchpoints in a stage, each tied to a channel, a location and the
-- problems customers raise there; a pain point is marked by a person.
CREATE TABLE IF NOT EXISTS journey (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  segment_id   bigint,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, segment_id) REFERENCES segment (workspace_id, id) ON DELETE SET NULL (segment_id)
);

CREATE TABLE IF NOT EXISTS journey_stage (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  journey_id   bigint NOT NULL,
  position     integer NOT NULL,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journey (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS journey_stage_journey ON journey_stage (workspace_id, journey_id, position);

CREATE TABLE IF NOT EXISTS journey_touchpoint (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  stage_id     bigint NOT NULL,
  position     integer NOT NULL,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  channel      text,
  location_id  bigint,
  problem_ids  bigint[] NOT NULL DEFAULT '{}',
  pain         boolean NOT NULL DEFAULT false,
  note         text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, stage_id) REFERENCES journey_stage (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, location_id) REFERENCES location (workspace_id, id) ON DELETE SET NULL (location_id)
);
CREATE INDEX IF NOT EXISTS journey_touchpoint_stage ON journey_touchpoint (workspace_id, stage_id, position);

-- Memberships are written a million at a time by the rebuild, and only by it: a foreign-key check per row
-- (two here) doubled the load's cost. The cascades they gave are kept by statement-level triggers instead,
-- which delete a removed customer's or segment's memberships in one set-based statement.
ALTER TABLE customer_segment DROP CONSTRAINT IF EXISTS customer_segment_workspace_id_customer_id_fkey;
ALTER TABLE customer_segment DROP CONSTRAINT IF EXISTS customer_segment_workspace_id_segment_id_fkey;

CREATE OR REPLACE FUNCTION segments_forget_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_segment cs USING gone g WHERE cs.workspace_id = g.workspace_id AND cs.customer_id = g.id;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS segments_forget_customers ON customer;
CREATE TRIGGER segments_forget_customers AFTER DELETE ON customer
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION segments_forget_customers();

CREATE OR REPLACE FUNCTION segments_forget_segments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_segment cs USING gone g WHERE cs.workspace_id = g.workspace_id AND cs.segment_id = g.id;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS segments_forget_segments ON segment;
CREATE TRIGGER segments_forget_segments AFTER DELETE ON segment
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION segments_forget_segments();
