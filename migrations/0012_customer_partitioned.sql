-- Customers become a table partitioned by workspace, like orders (docs/decisions/0009-bulk-orders.md).
--
-- Why: a workspace's first large orders file creates its customers as it goes — a million of them in the
-- 5,000,000-row benchmark. Each one inserted into the shared table updates three indexes (the external id's
-- unique key the most: a random place in a large tree, and a uniqueness check), which cost about 6 of the
-- 7 CPU-seconds the server spent on those customers, on a machine whose two cores the import already keeps
-- busy. A workspace whose orders load as a block and which has no customers yet now gets a partition of its
-- own: loaded without indexes, indexed once at the end in one sorted pass each, attached with its orders.
-- Every other workspace lives in the default partition `customer_shared`.
--
-- What changes for the rest of the code: nothing in the SQL it writes. The keys still hold workspace_id (the
-- partition key), so ON CONFLICT (workspace_id, external_id) finds the unique key, and the foreign keys into
-- customer (requests, feedback, a customer's referrer) and the delete triggers stay.

ALTER TABLE request DROP CONSTRAINT IF EXISTS request_workspace_id_customer_id_fkey;
ALTER TABLE feedback DROP CONSTRAINT IF EXISTS feedback_workspace_id_customer_id_fkey;

CREATE TABLE customer_next (
  workspace_id   integer NOT NULL CONSTRAINT customer_workspace_id_fkey REFERENCES workspace (id) ON DELETE CASCADE,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  external_id    text COLLATE "C" NOT NULL,
  name           text,
  email          text,
  phone          text,
  first_seen_at  timestamptz,
  attributes     jsonb NOT NULL DEFAULT '{}'::jsonb,
  referred_by_id bigint,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
) PARTITION BY LIST (workspace_id);

CREATE TABLE customer_shared PARTITION OF customer_next DEFAULT;

INSERT INTO customer_next (workspace_id, id, external_id, name, email, phone, first_seen_at, attributes,
                           referred_by_id, created_at, updated_at)
  OVERRIDING SYSTEM VALUE
  SELECT workspace_id, id, external_id, name, email, phone, first_seen_at, attributes,
         referred_by_id, created_at, updated_at
  FROM customer;
SELECT setval(pg_get_serial_sequence('customer_next', 'id'), coalesce((SELECT max(id) FROM customer), 0) + 1, false);

DROP TABLE customer;
ALTER TABLE customer_next RENAME TO customer;

ALTER TABLE customer ADD CONSTRAINT customer_pkey PRIMARY KEY (workspace_id, id);
-- The external id's key leads with the id, as the orders' does (decision 0009): a constant leading column
-- would make every comparison of a sort compare two columns, without abbreviated keys for the text.
ALTER TABLE customer ADD CONSTRAINT customer_external_key UNIQUE (external_id, workspace_id);
CREATE INDEX customer_updated ON customer (workspace_id, updated_at);
ALTER TABLE customer ADD CONSTRAINT customer_workspace_id_referred_by_id_fkey
  FOREIGN KEY (workspace_id, referred_by_id) REFERENCES customer (workspace_id, id) ON DELETE SET NULL (referred_by_id);

ALTER TABLE request ADD CONSTRAINT request_workspace_id_customer_id_fkey
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id);
ALTER TABLE feedback ADD CONSTRAINT feedback_workspace_id_customer_id_fkey
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id);

-- The triggers went with the old table; their functions stay.
CREATE TRIGGER orders_follow_customers AFTER DELETE ON customer
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION orders_follow_customers();
CREATE TRIGGER segments_forget_customers AFTER DELETE ON customer
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION segments_forget_customers();
