import type pg from "pg";
import type { RollupRow } from "./accumulator.ts";
import { batchBuilder } from "./batch.ts";
import { batchAssembler } from "./batch-assemble.ts";
import { contributeBatch } from "./contribution.ts";
import { decodeHistory, decodeHistoryInto, type HistoryVisitor } from "./history-codec.ts";
import { isCurrent, loadContext, type WorkspaceContext } from "./store-context.ts";
import { loadAffected, loadChanges, loadHistories, ORDER_COUNTS } from "./store-load.ts";
import {
  accumulatorFor,
  addRollup,
  finalize,
  historiesLost,
  inTransaction,
  keepHistories,
  options,
  type RefreshOptions,
  type RefreshResult,
  recomputeStated,
  replaceHistories,
  stopwatch,
} from "./store-write.ts";

/** The speedometer's writes: full rebuild and incremental refresh of its rollups (reads: store-read.ts). */

export { isCurrent, loadContext, type WorkspaceContext } from "./store-context.ts";
export type { RefreshOptions, RefreshResult } from "./store-write.ts";

async function rebuildIn(
  db: pg.ClientBase,
  ctx: WorkspaceContext,
  ro?: RefreshOptions,
): Promise<RefreshResult> {
  const t0 = performance.now();
  const sw = stopwatch(ro);
  for (const t of ["speedometer_customer", "speedometer_month", "speedometer_stated"]) {
    await db.query(`DELETE FROM ${t} WHERE workspace_id = $1`, [ctx.id]);
  }
  sw.lap("clear");
  const loaded = await loadHistories(db, ctx.id);
  sw.lap("read");
  const o = options(ctx);
  const acc = accumulatorFor([loaded.batch], o);
  contributeBatch(loaded.batch, o, 1, acc);
  sw.lap("count");
  await keepHistories(db, ctx.id, loaded.batch);
  sw.lap("keep histories");
  await addRollup(db, ctx.id, acc.rows());
  sw.lap("write rollup");
  await recomputeStated(db, ctx, null);
  sw.lap("stated");
  await finalize(db, ctx, true, loaded.batch.size);
  sw.lap("finalize");
  return {
    phases: sw.phases,
    mode: "rebuild",
    customers: loaded.batch.size,
    orders: loaded.orders,
    statedMonths: -1,
    ms: performance.now() - t0,
  };
}

/** Recomputes the workspace's speedometer from its orders, requests and feedback, in one transaction. */
export async function rebuild(
  pool: pg.Pool,
  workspace: number | string,
  ro?: RefreshOptions,
): Promise<RefreshResult> {
  const found = await loadContext(pool, workspace);
  if (!found) throw new Error(`No workspace ${workspace}`);
  return inTransaction(pool, found.id, async (db) =>
    rebuildIn(db, (await loadContext(db, found.id)) ?? found, ro),
  );
}

/**
 * Brings the rollups up to date with the rows changed since `since` (orders, requests, customers and
 * feedback carry updated_at). Each affected customer's old contribution, kept in speedometer_customer, is
 * taken back and the new one added, so the cost follows the batch, not the workspace. Falls back to a
 * rebuild when there is none yet or the window or time zone changed. Deleted rows and orders moved
 * between customers are not seen: those need `storona speedometer rebuild`.
 */
export async function refresh(
  pool: pg.Pool,
  workspace: number | string,
  opts: { since: Date; customers?: readonly number[] } & RefreshOptions,
): Promise<RefreshResult> {
  const found = await loadContext(pool, workspace);
  if (!found) throw new Error(`No workspace ${workspace}`);
  return inTransaction(pool, found.id, async (db) => {
    const ctx = (await loadContext(db, found.id)) ?? found;
    if (!isCurrent(ctx) || (await historiesLost(db, ctx))) return rebuildIn(db, ctx, opts);
    const t0 = performance.now();
    const sw = stopwatch(opts);
    const ws = ctx.id;
    // Short index look-ups only: compiling them (PostgreSQL's JIT, on by default) cost more than running them.
    await db.query("SET LOCAL jit = off");
    const changes = await loadChanges(db, ws, opts.since);
    await db.query("CREATE TEMP TABLE spd_affected (customer_id bigint PRIMARY KEY) ON COMMIT DROP");
    await db.query(
      `INSERT INTO spd_affected
       SELECT unnest($2::bigint[])
       UNION SELECT id FROM customer WHERE workspace_id = $1 AND updated_at > $3`,
      [
        ws,
        [
          ...changes.orders.map((x) => x.customer),
          ...changes.complaints.map((x) => x.customer),
          ...(opts.customers ?? []),
        ],
        opts.since,
      ],
    );
    sw.lap("find changes");
    // The old histories as kept, and the new ones: the kept ones without the changed rows, plus the
    // changed rows that count, with the customers' current referrers and segments.
    const removedOrders = new Set(changes.orders.map((x) => x.id));
    const removedComplaints = new Set(changes.complaints.map((x) => x.id));
    const next = batchAssembler(1024);
    const ob = batchBuilder();
    const kept = new Map<number, Buffer>();
    let current = 0;
    const merge: HistoryVisitor = {
      customer: (id, referred) => ob.customer(id, referred),
      segment: (id) => ob.segment(id),
      order: (id, at, amount, flags, location, channel) => {
        ob.order(id, at, amount, flags, location, ob.channelOf(channel));
        if (!removedOrders.has(id)) next.orderValues(current, id, at, flags, amount, location, channel);
      },
      complaint: (id, at, location, channel) => {
        ob.complaint(id, at, location, ob.channelOf(channel));
        if (!removedComplaints.has(id)) next.complaintValues(current, id, at, location, channel);
      },
    };
    await loadAffected(db, ws, (a) => {
      current = a.customer;
      if (a.history !== null) {
        kept.set(a.customer, a.history);
        decodeHistory(a.customer, a.history, merge);
      }
      if (a.referred) next.referred(a.customer);
      for (const seg of a.segments) next.segment(a.customer, seg);
    });
    const old = ob.finish();
    sw.lap("read kept histories");
    for (const x of changes.orders) {
      if (x.flags & ORDER_COUNTS) {
        next.orderValues(x.customer, x.id, x.at, x.flags & ~ORDER_COUNTS, x.amount, x.location, x.channel);
      }
    }
    for (const x of changes.complaints) {
      if (x.counts) next.complaintValues(x.customer, x.id, x.at, x.location, x.channel);
    }
    const loaded = { batch: next.finish(), ...next.counts() };
    sw.lap("merge");
    const o = options(ctx);
    const acc = accumulatorFor([old, loaded.batch], o);
    contributeBatch(old, o, -1, acc);
    contributeBatch(loaded.batch, o, 1, acc);
    sw.lap("count");
    await replaceHistories(db, ws, loaded.batch, kept);
    sw.lap("keep histories");
    await addRollup(db, ws, acc.rows());
    sw.lap("write rollup");
    const months = (
      await db.query<{ m: string }>(
        `SELECT DISTINCT to_char(date_trunc('month', created_at AT TIME ZONE $2), 'YYYY-MM-DD') AS m
         FROM feedback WHERE workspace_id = $1 AND updated_at > $3`,
        [ws, ctx.timeZone, opts.since],
      )
    ).rows.map((r) => r.m);
    if (months.length > 0) await recomputeStated(db, ctx, months);
    sw.lap("stated");
    await finalize(db, ctx, false, loaded.batch.size - old.size);
    sw.lap("finalize");
    return {
      phases: sw.phases,
      mode: "incremental",
      customers: loaded.batch.size,
      orders: loaded.orders,
      statedMonths: months.length,
      ms: performance.now() - t0,
    };
  });
}

/**
 * After segment membership changed (the segments module calls this): the customers who joined or left a
 * segment are counted again (their kept histories hold the segments they were counted in), or, when every
 * customer may have moved ("all": a workspace's first segmentation), everything is rebuilt.
 */
export const refreshSegments = (
  pool: pg.Pool,
  workspaceId: number,
  moved: readonly number[] | "all" = "all",
): Promise<RefreshResult> =>
  moved === "all"
    ? rebuild(pool, workspaceId)
    : refresh(pool, workspaceId, { since: new Date(), customers: moved });

/**
 * Monthly rollup rows (whole-business slot only) for a set of customers, computed on demand from their kept
 * histories: an initiative aimed at a problem compares the customers who raised it with everyone else.
 * `customerIdsSql` selects customer_id with $1 the workspace and $2 the argument.
 */
export async function groupRollup(
  pool: pg.Pool,
  ctx: WorkspaceContext,
  customerIdsSql: string,
  arg: string,
): Promise<RollupRow[]> {
  const r = await pool.query<{ customer_id: number; history: Buffer }>(
    `SELECT customer_id, history FROM speedometer_customer
     WHERE workspace_id = $1 AND customer_id IN (${customerIdsSql})`,
    [ctx.id, arg],
  );
  const bb = batchBuilder();
  for (const row of r.rows) decodeHistoryInto(bb, row.customer_id, row.history);
  const b = bb.finish();
  const o = options(ctx, false);
  const acc = accumulatorFor([b], o);
  contributeBatch(b, o, 1, acc);
  return acc.rows();
}
