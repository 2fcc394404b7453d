-- Bulk imports: each foreign key on orders costs a lookup per inserted row (about a third of an orders
-- import's time was spent in them). An order's customer is NOT NULL and the customer belongs to the
-- workspace, so the order's own key to the workspace adds no integrity; it goes, and the customer key now
-- cascades so deleting a workspace still deletes its orders (workspace → customer → orders).
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_workspace_id_fkey;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_workspace_id_customer_id_fkey;
ALTER TABLE orders ADD CONSTRAINT orders_workspace_id_customer_id_fkey
  FOREIGN KEY (workspace_id, customer_id) REFERENCES customer (workspace_id, id) ON DELETE CASCADE;
