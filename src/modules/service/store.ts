import type pg from "pg";
import { monthOfDay } from "./facts.ts";
import { requestAccumulator } from "./rollup.ts";
import { isCurrent, loadContext, type ServiceContext } from "./store-config.ts";
import {
  FACT_FIELDS,
  type FactDbRow,
  requestOrder,
  requestSelect,
  sameFigures,
  toRollupFact,
} from "./store-rows.ts";
import {
  type Client,
  factContext,
  rewriteOrderRollups,
  rewriteRequestRollups,
  saveState,
  writeFacts,
  writeOrders,
  writeRollups,
} from "./store-write.ts";

/**
 * The service module's writes: per-request facts computed in Node by the pure code (business time needs
 * the tz arithmetic of zone.ts) and written with COPY, then the rollups accumulated from them.
 * Reads live in store-read.ts and store-drill.ts.
 */

export type RefreshResult = { mode: "rebuild" | "incremental"; requests: number; orders: number; ms: number };

async function inTransaction<T>(
  pool: pg.Pool,
  workspaceId: number,
  fn: (c: Client) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One rebuild or refresh per workspace at a time: both delete and rewrite the same rows.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('service'), $1)", [workspaceId]);
    await client.query("SET LOCAL work_mem = '128MB'");
    const out = await fn(client);
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

const TABLES = [
  "service_request_fact",
  "service_rollup",
  "service_week",
  "service_order_rollup",
  "service_order_wait",
];

async function rebuildIn(pool: pg.Pool, c: Client, ctx: ServiceContext, now: Date): Promise<RefreshResult> {
  const t0 = performance.now();
  for (const t of TABLES) await c.query(`DELETE FROM ${t} WHERE workspace_id = $1`, [ctx.id]);
  const fc = factContext(ctx, now);
  const acc = requestAccumulator({ month: () => true, week: () => true });
  const requests = await writeFacts(pool, c, ctx, fc, `${requestSelect}${requestOrder}`, [ctx.id], (f) =>
    acc.add(f),
  );
  await writeRollups(c, ctx, acc);
  const orders = await writeOrders(c, ctx, fc, "", [ctx.id], () => true);
  // Fresh statistics so the reads and the next refresh use the indexes.
  await c.query("ANALYZE service_request_fact");
  await saveState(c, ctx, true);
  return { mode: "rebuild", requests, orders, ms: performance.now() - t0 };
}

/** Recomputes everything the service page shows for a workspace, in one transaction. */
export async function rebuild(
  pool: pg.Pool,
  workspace: number | string,
  now = new Date(),
): Promise<RefreshResult> {
  const first = await loadContext(pool, workspace);
  if (!first) throw new Error(`No workspace ${workspace}`);
  return inTransaction(pool, first.id, async (c) =>
    rebuildIn(pool, c, (await loadContext(c, first.id)) ?? first, now),
  );
}

/**
 * Brings the facts and rollups up to date with the requests and orders changed since `since` (updated_at).
 * A changed request recomputes every request of its customer (the two-channel rule looks across them),
 * then the rollups of the months those requests were and are in. Falls back to a rebuild when there is
 * none yet or the hours, holidays, SLA policies or time zone changed. Not seen: deleted rows, a request
 * moved to another customer (its old customer's flags) and an order moved to another month (its old
 * month) — `rebuild` takes care of those.
 */
export async function refresh(
  pool: pg.Pool,
  workspace: number | string,
  opts: { since?: Date; now?: Date } = {},
): Promise<RefreshResult> {
  const now = opts.now ?? new Date();
  const first = await loadContext(pool, workspace);
  if (!first) throw new Error(`No workspace ${workspace}`);
  return inTransaction(pool, first.id, async (c) => {
    const ctx = (await loadContext(c, first.id)) ?? first;
    if (!isCurrent(ctx) || opts.since === undefined) return rebuildIn(pool, c, ctx, now);
    const t0 = performance.now();
    const ws = ctx.id;
    const changed = await c.query<{ id: number; customer_id: number | null }>(
      "SELECT id, customer_id FROM request WHERE workspace_id = $1 AND updated_at > $2",
      [ws, opts.since],
    );
    const customers = [
      ...new Set(changed.rows.flatMap((r) => (r.customer_id === null ? [] : [r.customer_id]))),
    ];
    const lone = changed.rows.filter((r) => r.customer_id === null).map((r) => r.id);
    const days = new Set<number>();
    let requests = 0;
    if (changed.rows.length > 0) {
      const where = " AND (customer_id = ANY($2::bigint[]) OR id = ANY($3::bigint[]))";
      const ids = await c.query<{ id: number }>(`SELECT id FROM request WHERE workspace_id = $1${where}`, [
        ws,
        customers,
        lone,
      ]);
      // The old facts, to tell which ones really changed: a customer's other requests are recomputed for the
      // two-channel rule, but only the months whose figures move need their rollups rewritten.
      const old = await c.query<FactDbRow & { request_id: number }>(
        `DELETE FROM service_request_fact WHERE workspace_id = $1 AND request_id = ANY($2::bigint[])
         RETURNING request_id, ${FACT_FIELDS}`,
        [ws, ids.rows.map((r) => r.id)],
      );
      const before = new Map(old.rows.map((r) => [r.request_id, toRollupFact(r)]));
      const fc = factContext(ctx, now);
      requests = await writeFacts(
        pool,
        c,
        ctx,
        fc,
        `${requestSelect}${where}${requestOrder}`,
        [ws, customers, lone],
        (f) => {
          const was = before.get(f.requestId);
          before.delete(f.requestId);
          if (was && sameFigures(was, f)) return;
          days.add(f.day);
          if (was) days.add(was.day);
        },
      );
      for (const gone of before.values()) days.add(gone.day);
    }
    const months = new Set([...days].map(monthOfDay));
    if (months.size > 0) await rewriteRequestRollups(c, ctx, months);
    const orderMonths = await c.query<{ m: string }>(
      `SELECT DISTINCT to_char(ordered_at AT TIME ZONE $3, 'YYYY-MM') AS m
       FROM orders WHERE workspace_id = $1 AND updated_at > $2`,
      [ws, opts.since, ctx.timeZone],
    );
    let orders = 0;
    if (orderMonths.rows.length > 0)
      orders = await rewriteOrderRollups(c, ctx, now, new Set(orderMonths.rows.map((r) => r.m)));
    await saveState(c, ctx, false);
    return { mode: "incremental", requests, orders, ms: performance.now() - t0 };
  });
}
