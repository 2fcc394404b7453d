-- The top-10 problems (DOMAIN.md "Top-10 problems: ranking"), module problems. Design and reasons:
-- docs/decisions/0005-problems.md. Every primary key starts with workspace_id.

CREATE TABLE problem (
  workspace_id  integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  -- named by the last clustering (its most distinctive phrases) in label_lang; custom_label is a person's rename
  label         text NOT NULL DEFAULT '',
  label_lang    text CHECK (label_lang IN ('ru', 'uk', 'en')),
  phrases       text[] NOT NULL DEFAULT '{}',
  custom_label  text,
  status        text NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'acknowledged', 'in_progress', 'solved', 'wont_fix')),
  owner_id      bigint REFERENCES app_user (id) ON DELETE SET NULL,
  due_date      date,
  -- manual decisions that re-clustering must keep (see problem_decision for the log)
  dismissed     boolean NOT NULL DEFAULT false,   -- "not a problem"
  merged_into   bigint,                           -- merged into that problem; this row is only an alias
  split_from    bigint,                           -- split off that problem by a person
  -- for matching the next clustering and placing new texts: unit vectors over hashed text features
  centroid      bytea,
  exemplars     bytea,
  -- the three quotes: [{ "source": "request", "id": 12 }, ...]
  quotes        jsonb NOT NULL DEFAULT '[]'::jsonb,
  size          integer NOT NULL DEFAULT 0,       -- texts at the last clustering
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  solved_at     timestamptz,
  reopened_at   timestamptz,
  dissolved_at  timestamptz,                      -- the last clustering found nothing like it
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, merged_into) REFERENCES problem (workspace_id, id) ON DELETE SET NULL (merged_into),
  FOREIGN KEY (workspace_id, split_from) REFERENCES problem (workspace_id, id) ON DELETE SET NULL (split_from)
);

-- One row per complaint text: which problem it speaks of (NULL: unsorted, or a person said "not a problem").
-- Denormalised time, customer, channel and location so ranking and filters never join the source tables.
CREATE TABLE problem_mention (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  source       text NOT NULL CHECK (source IN ('request', 'feedback', 'audit')),
  source_id    bigint NOT NULL,
  problem_id   bigint,
  customer_id  bigint,
  channel      text,
  location_id  bigint,
  created_at   timestamptz NOT NULL,
  similarity   real NOT NULL DEFAULT 0,
  -- put here by a person (moved, split, "not a problem"): re-clustering leaves it where it is
  manual       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workspace_id, source, source_id),
  FOREIGN KEY (workspace_id, problem_id) REFERENCES problem (workspace_id, id) ON DELETE SET NULL (problem_id)
);
CREATE INDEX problem_mention_problem ON problem_mention (workspace_id, problem_id, created_at);
CREATE INDEX problem_mention_time ON problem_mention (workspace_id, created_at);

-- The log of manual decisions, in order; problem rows and manual mentions hold their current effect.
CREATE TABLE problem_decision (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  kind         text NOT NULL CHECK (kind IN ('rename', 'merge', 'split', 'move', 'not_a_problem', 'restore')),
  problem_id   bigint NOT NULL,
  target_id    bigint,
  source       text,
  source_id    bigint,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by   bigint REFERENCES app_user (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX problem_decision_problem ON problem_decision (workspace_id, problem_id);

CREATE TABLE problem_comment (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  problem_id   bigint NOT NULL,
  author_id    bigint REFERENCES app_user (id) ON DELETE SET NULL,
  body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, problem_id) REFERENCES problem (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX problem_comment_problem ON problem_comment (workspace_id, problem_id, created_at);

-- History: everything that happened to a problem, by a person (actor_id) or by the system (NULL).
CREATE TABLE problem_event (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  problem_id   bigint NOT NULL,
  kind         text NOT NULL,
  actor_id     bigint REFERENCES app_user (id) ON DELETE SET NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, problem_id) REFERENCES problem (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX problem_event_problem ON problem_event (workspace_id, problem_id, created_at);

CREATE TABLE problem_initiative (
  workspace_id  integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  problem_id    bigint NOT NULL,
  initiative_id bigint NOT NULL,
  linked_by     bigint REFERENCES app_user (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, problem_id, initiative_id),
  FOREIGN KEY (workspace_id, problem_id) REFERENCES problem (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, initiative_id) REFERENCES initiative (workspace_id, id) ON DELETE CASCADE
);

-- What the last clustering learnt, to place new texts between re-clusterings: the kept feature hashes
-- (uint32) and their idf tables (float32: ru, uk, en, all), little-endian.
CREATE TABLE problem_model (
  workspace_id integer PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
  params       jsonb NOT NULL,
  docs         integer NOT NULL,
  hashes       bytea NOT NULL,
  idf          bytea NOT NULL,
  boilerplate  jsonb NOT NULL DEFAULT '[]'::jsonb, -- formula sentences left out of texts (boilerplate.ts)
  texts        integer NOT NULL,
  problems     integer NOT NULL,
  diagnostics  jsonb NOT NULL DEFAULT '{}'::jsonb,
  built_at     timestamptz NOT NULL DEFAULT now(),
  ms           integer NOT NULL DEFAULT 0
);

-- In-app notifications (any module may add kinds; problems writes 'problem_reopened').
CREATE TABLE IF NOT EXISTS notification (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX IF NOT EXISTS notification_user ON notification (workspace_id, user_id, created_at DESC);
