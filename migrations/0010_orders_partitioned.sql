-- Orders become a table partitioned by workspace (docs/decisions/0009-bulk-orders.md).
--
-- Why: keeping five indexes up to date row by row costs about ten times a bare COPY, so a workspace's
-- first large import (millions of orders from an accounting export) could not load fast. A workspace that
-- receives such an import gets a partition of its own, loaded without indexes and indexed once at the end
-- (src/modules/intake/bulk.ts); every other workspace lives in the shared default partition.
--
-- What changes for the rest of the code: nothing in the SQL it writes. The unique key on the external id
-- is (external_id, workspace_id) — ON CONFLICT (workspace_id, external_id) still finds it — and indexes
-- below a partition do not lead with workspace_id (a partition holds one workspace, or, for the default
-- partition, customer ids are unique across workspaces anyway). The time index gives way to a BRIN index
-- on updated_at (incremental refreshes read the newest rows) — orders are read per workspace in full
-- by every module that counts them.
--
-- Orders no longer carry foreign keys of their own: each cost a lookup per inserted row, and attaching a
-- loaded partition would re-check millions of rows. The loaders only ever write ids they just read from
-- customer and location, and the triggers at the end keep the old ON DELETE behaviour: deleting a
-- customer deletes their orders (so deleting a workspace still does), deleting a referrer clears
-- referred_by_id, deleting a location that orders name is refused.

ALTER TABLE feedback DROP CONSTRAINT IF EXISTS feedback_workspace_id_order_id_fkey;

CREATE TABLE orders_next (
  workspace_id   integer NOT NULL,
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
  updated_at     timestamptz NOT NULL DEFAULT now()
) PARTITION BY LIST (workspace_id);

CREATE TABLE orders_shared PARTITION OF orders_next DEFAULT;

INSERT INTO orders_next (workspace_id, id, external_id, customer_id, ordered_at, amount, list_amount, currency,
                         channel, location_id, status, wait_days, referred_by_id, updated_at)
  OVERRIDING SYSTEM VALUE
  SELECT workspace_id, id, external_id, customer_id, ordered_at, amount, list_amount, currency,
         channel, location_id, status, wait_days, referred_by_id, updated_at
  FROM orders;
SELECT setval(pg_get_serial_sequence('orders_next', 'id'), coalesce((SELECT max(id) FROM orders), 0) + 1, false);

DROP TABLE orders;
ALTER TABLE orders_next RENAME TO orders;

ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (workspace_id, id);
ALTER TABLE orders ADD CONSTRAINT orders_external_key UNIQUE (external_id, workspace_id);
CREATE INDEX orders_customer ON orders (customer_id, ordered_at);
CREATE INDEX orders_updated ON orders USING brin (updated_at) WITH (autosummarize = on);

ALTER TABLE feedback ADD CONSTRAINT feedback_workspace_id_order_id_fkey
  FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id);

-- What the dropped foreign keys did on delete.
CREATE OR REPLACE FUNCTION orders_follow_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM orders o USING gone g WHERE o.workspace_id = g.workspace_id AND o.customer_id = g.id;
  UPDATE orders o SET referred_by_id = NULL FROM gone g
   WHERE o.workspace_id = g.workspace_id AND o.referred_by_id = g.id;
  RETURN NULL;
END $$;
CREATE TRIGGER orders_follow_customers AFTER DELETE ON customer
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION orders_follow_customers();

CREATE OR REPLACE FUNCTION orders_keep_locations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named text;
BEGIN
  SELECT g.external_id INTO named FROM gone g
   WHERE EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = g.workspace_id AND o.location_id = g.id)
     AND EXISTS (SELECT 1 FROM workspace w WHERE w.id = g.workspace_id)
   LIMIT 1;
  IF named IS NOT NULL THEN
    RAISE EXCEPTION 'location % still has orders', named USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER orders_keep_locations AFTER DELETE ON location
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION orders_keep_locations();
