-- Accounts, workspaces (tenants), memberships with roles, sessions and API tokens.
CREATE TABLE app_user (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text NOT NULL,
  name          text NOT NULL,
  password_hash text NOT NULL,
  locale        text NOT NULL DEFAULT 'en' CHECK (locale IN ('ru', 'uk', 'en')),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE workspace (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name        text NOT NULL,
  currency    char(3) NOT NULL DEFAULT 'EUR',
  time_zone   text NOT NULL DEFAULT 'Europe/Kyiv',
  locales     text[] NOT NULL DEFAULT ARRAY['ru', 'uk', 'en'],
  -- working hours, purchase cycle, weights...: each module reads its own key
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE membership (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('owner', 'manager', 'advocate', 'agent', 'analyst', 'viewer')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX membership_user ON membership (user_id);

-- A session id is a random secret held in the browser's cookie; we keep only its hash.
CREATE TABLE user_session (
  id_hash      text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE api_token (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  name         text NOT NULL,
  prefix       text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  role         text NOT NULL DEFAULT 'manager' CHECK (role IN ('manager', 'agent', 'analyst', 'viewer')),
  created_by   bigint REFERENCES app_user (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  PRIMARY KEY (workspace_id, id)
);
