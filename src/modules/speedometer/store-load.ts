import type pg from "pg";
import type { HistoryBatch } from "./batch.ts";
import { batchAssembler } from "./batch-assemble.ts";
import { readBinaryCopy } from "./copy-binary.ts";

/**
 * Reads customers' histories from the core tables in binary COPY streams: every customer (a rebuild), or
 * the rows changed since a time (a refresh, which merges them into the kept histories). COPY takes no
 * parameters: only an integer workspace id and an ISO timestamp are written into the SQL.
 */

/**
 * An order's amount as the full-price share weighs it: only in the workspace's currency. Storona does not
 * convert, so an order in another currency still counts (a purchase, a wait, a referral) but weighs nothing
 * in the revenue shares (the money module values such orders the same way).
 */
const valuedAmount = (workspaceId: number): string =>
  // Uncorrelated (the id is written in), so the workspace's currency is looked up once per query.
  `CASE WHEN currency = (SELECT w.currency FROM workspace w WHERE w.id = ${workspaceId}) THEN amount ELSE 0 END`;

/** Every customer's history in the workspace, as one columnar batch (a rebuild). */
export async function loadHistories(
  client: pg.ClientBase,
  workspaceId: number,
): Promise<{ batch: HistoryBatch; orders: number; complaints: number }> {
  if (!Number.isInteger(workspaceId)) throw new Error("workspace id must be an integer");
  const ws = String(workspaceId);
  // The table's row estimate sizes the buffers once instead of doubling them all the way up.
  const estimate = Number(
    (await client.query("SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'orders'")).rows[0]?.n,
  );
  const a = batchAssembler(Number.isFinite(estimate) && estimate > 0 ? estimate * 1.05 : 1024);
  await readBinaryCopy(
    client,
    `SELECT customer_id, id, ordered_at,
       ((status = 'completed')::int + 2 * (wait_days > 0)::int + 4 * (amount >= list_amount)::int
         + 8 * (referred_by_id IS NOT NULL)::int)::int2,
       ${valuedAmount(workspaceId)}, location_id, channel
     FROM orders
     WHERE workspace_id = ${ws} AND (status = 'completed' OR (status = 'cancelled' AND wait_days > 0))`,
    a.order,
  );
  await readBinaryCopy(
    client,
    `SELECT customer_id, id, created_at, location_id, channel FROM request
     WHERE workspace_id = ${ws} AND kind = 'complaint' AND customer_id IS NOT NULL`,
    a.complaint,
  );
  await readBinaryCopy(
    client,
    `SELECT id FROM customer WHERE workspace_id = ${ws} AND referred_by_id IS NOT NULL`,
    (r) => a.referred(r.int(0)),
  );
  await readBinaryCopy(
    client,
    `SELECT customer_id, segment_id FROM customer_segment WHERE workspace_id = ${ws}`,
    (r) => a.segment(r.int(0), r.int(1)),
  );
  return { batch: a.finish(), ...a.counts() };
}

/** Flag bit on a changed order: it counts (completed, or cancelled with a wait); otherwise it only leaves. */
export const ORDER_COUNTS = 16;

export type ChangedOrder = {
  customer: number;
  id: number;
  at: number;
  flags: number;
  amount: number;
  location: number;
  channel: string | null;
};
export type ChangedComplaint = {
  customer: number;
  id: number;
  at: number;
  location: number;
  channel: string | null;
  counts: boolean;
};

const MINUTE = 60_000;

/** Orders and requests changed since `since` (through their updated_at indexes). */
export async function loadChanges(
  client: pg.ClientBase,
  workspaceId: number,
  since: Date,
): Promise<{ orders: ChangedOrder[]; complaints: ChangedComplaint[] }> {
  if (!Number.isInteger(workspaceId)) throw new Error("workspace id must be an integer");
  const after = `'${since.toISOString()}'::timestamptz`;
  const orders: ChangedOrder[] = [];
  await readBinaryCopy(
    client,
    `SELECT customer_id, id, ordered_at,
       ((status = 'completed')::int + 2 * (wait_days > 0)::int + 4 * (amount >= list_amount)::int
         + 8 * (referred_by_id IS NOT NULL)::int
         + 16 * (status = 'completed' OR (status = 'cancelled' AND wait_days > 0))::int)::int2,
       ${valuedAmount(workspaceId)}, location_id, channel
     FROM orders WHERE workspace_id = ${workspaceId} AND updated_at > ${after}`,
    (r) => {
      orders.push({
        customer: r.int(0),
        id: r.int(1),
        at: Math.floor(r.timestamp(2) / MINUTE),
        flags: r.int(3),
        amount: r.int(4),
        location: r.isNull(5) ? Number.NaN : r.int(5),
        channel: r.isNull(6) ? null : r.text(6),
      });
    },
  );
  const complaints: ChangedComplaint[] = [];
  await readBinaryCopy(
    client,
    `SELECT customer_id, id, created_at, location_id, channel, kind = 'complaint'
     FROM request WHERE workspace_id = ${workspaceId} AND updated_at > ${after} AND customer_id IS NOT NULL`,
    (r) => {
      complaints.push({
        customer: r.int(0),
        id: r.int(1),
        at: Math.floor(r.timestamp(2) / MINUTE),
        location: r.isNull(3) ? Number.NaN : r.int(3),
        channel: r.text(4),
        counts: r.bool(5),
      });
    },
  );
  return { orders, complaints };
}

/** What a refresh reads about one affected customer (the `history` Buffer is the callback's to keep). */
export type AffectedCustomer = {
  customer: number;
  /** The history kept at the last refresh, or null when none was kept. */
  history: Buffer | null;
  /** The customer row names a referrer. */
  referred: boolean;
  /** Current segment ids, ascending. */
  segments: number[];
};

/**
 * Each customer in the temporary table spd_affected (ascending ids): its kept history, whether it was
 * referred and its segments, in one binary COPY. Scalar subqueries on the primary keys make every look-up
 * an index probe whatever the statistics say: a join was planned as scans of the whole tables when the
 * kept histories had just been rewritten.
 */
export async function loadAffected(
  client: pg.ClientBase,
  workspaceId: number,
  onCustomer: (c: AffectedCustomer) => void,
): Promise<void> {
  if (!Number.isInteger(workspaceId)) throw new Error("workspace id must be an integer");
  await readBinaryCopy(
    client,
    `SELECT a.customer_id,
       (SELECT k.history FROM speedometer_customer k
        WHERE k.workspace_id = ${workspaceId} AND k.customer_id = a.customer_id),
       (SELECT c.referred_by_id IS NOT NULL FROM customer c
        WHERE c.workspace_id = ${workspaceId} AND c.id = a.customer_id),
       (SELECT string_agg(s.segment_id::text, ',' ORDER BY s.segment_id) FROM customer_segment s
        WHERE s.workspace_id = ${workspaceId} AND s.customer_id = a.customer_id)
     FROM spd_affected a ORDER BY a.customer_id`,
    (r) => {
      onCustomer({
        customer: r.int(0),
        history: r.isNull(1) ? null : r.bytes(1),
        referred: !r.isNull(2) && r.bool(2),
        segments: r.isNull(3) ? [] : r.text(3).split(",").map(Number),
      });
    },
  );
}
