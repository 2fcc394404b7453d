-- The workspace's data as DOMAIN.md ("Data") describes it. Every primary key starts with workspace_id.
-- Money is in minor units (bigint cents) with its currency; times are UTC timestamptz.
CREATE TABLE location (
  workspace_id  integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  external_id   text NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL DEFAULT 'store' CHECK (kind IN ('store', 'online', 'branch', 'office', 'other')),
  address       text,
  time_zone     text,
  working_hours jsonb,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id)
);

CREATE TABLE customer (
  workspace_id   integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  external_id    text NOT NULL,
  name           text,
  email          text,
  phone          text,
  first_seen_at  timestamptz,
  attributes     jsonb NOT NULL DEFAULT '{}'::jsonb,
  referred_by_id bigint,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id),
  FOREIGN KEY (workspace_id, referred_by_id) REFERENCES customer (workspace_id, id) ON DELETE SET NULL (referred_by_id)
);

CREATE TABLE orders (
  workspace_id   integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  external_id    text NOT NULL,
  customer_id    bigint NOT NULL,
  ordered_at     timestamptz NOT NULL,
  amount         bigint NOT NULL CHECK (amount >= 0),
  list_amount    bigint NOT NULL CHECK (list_amount >= 0),
  currency       char(3) NOT NULL,
  channel        text,
  location_id    bigint,
  status         text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'cancelled', 'returned')),
  wait_days      integer NOT NULL DEFAULT 0 CHECK (wait_days >= 0),
  referred_by_id bigint,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id),
  FOREIGN KEY (workspace_id, location_id) REFERENCES location (workspace_id, id),
  FOREIGN KEY (workspace_id, referred_by_id) REFERENCES customer (workspace_id, id) ON DELETE SET NULL (referred_by_id)
);
CREATE INDEX orders_customer ON orders (workspace_id, customer_id, ordered_at);
CREATE INDEX orders_time ON orders (workspace_id, ordered_at);

CREATE TABLE request (
  workspace_id      integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id                bigint GENERATED ALWAYS AS IDENTITY,
  external_id       text NOT NULL,
  customer_id       bigint,
  channel           text NOT NULL CHECK (channel IN ('email', 'phone', 'telegram', 'whatsapp', 'viber', 'vk', 'instagram', 'web', 'in_person', 'other')),
  kind              text NOT NULL CHECK (kind IN ('complaint', 'question', 'suggestion', 'praise')),
  subject           text,
  text              text NOT NULL DEFAULT '',
  language          text CHECK (language IN ('ru', 'uk', 'en')),
  created_at        timestamptz NOT NULL,
  first_response_at timestamptz,
  resolved_at       timestamptz,
  location_id       bigint,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
  assignee          text,
  problem_id        bigint,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id),
  FOREIGN KEY (workspace_id, location_id) REFERENCES location (workspace_id, id),
  CHECK (first_response_at IS NULL OR first_response_at >= created_at),
  CHECK (resolved_at IS NULL OR resolved_at >= created_at)
);
CREATE INDEX request_time ON request (workspace_id, created_at);
CREATE INDEX request_customer ON request (workspace_id, customer_id, created_at);

CREATE TABLE feedback (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  external_id  text NOT NULL,
  customer_id  bigint,
  kind         text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
  score        smallint NOT NULL,
  comment      text,
  language     text CHECK (language IN ('ru', 'uk', 'en')),
  order_id     bigint,
  request_id   bigint,
  location_id  bigint,
  channel      text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id),
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id),
  FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id),
  FOREIGN KEY (workspace_id, request_id) REFERENCES request (workspace_id, id),
  FOREIGN KEY (workspace_id, location_id) REFERENCES location (workspace_id, id),
  CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'ces' AND score BETWEEN 1 AND 7))
);
CREATE INDEX feedback_time ON feedback (workspace_id, created_at);
CREATE INDEX feedback_customer ON feedback (workspace_id, customer_id);

-- The pedals (DOMAIN.md "initiatives"); the initiatives module owns and extends this table.
CREATE TABLE initiative (
  workspace_id integer NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  external_id  text,
  title        text NOT NULL,
  description  text,
  kind         text NOT NULL CHECK (kind IN ('product', 'process', 'people')),
  lever        text,
  started_at   timestamptz NOT NULL,
  cost         bigint NOT NULL DEFAULT 0,
  currency     char(3) NOT NULL DEFAULT 'EUR',
  owner        text,
  target       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, external_id)
);
