import type pg from "pg";
import { type Accumulator, createAccumulator, FIELDS, type RollupRow } from "./accumulator.ts";
import type { HistoryBatch } from "./batch.ts";
import { type ContributionOptions, monthsTouched } from "./contribution.ts";
import { writeBinaryTuples } from "./copy-binary.ts";
import { channelBytes, historySize, writeHistory } from "./history-codec.ts";
import { localClock } from "./local-time.ts";
import type { WorkspaceContext } from "./store-context.ts";
import { finalizeSql, statedSql, stateSql } from "./store-sql.ts";

/** The steps rebuild and refresh share: the transaction, the writes of rollups and kept histories. */

type Q = Pick<pg.ClientBase, "query">;

export type RefreshResult = {
  mode: "rebuild" | "incremental";
  customers: number;
  orders: number;
  statedMonths: number;
  ms: number;
  /** Milliseconds per step, in order: what a progress display or a benchmark shows. */
  phases: Array<[string, number]>;
};

/** Optional progress: called after each step with its name and duration. */
export type RefreshOptions = { onPhase?: (phase: string, ms: number) => void };

export function stopwatch(o: RefreshOptions | undefined) {
  const phases: Array<[string, number]> = [];
  let t = performance.now();
  return {
    phases,
    lap(name: string) {
      const now = performance.now();
      phases.push([name, Math.round(now - t)]);
      o?.onPhase?.(name, now - t);
      t = now;
    },
  };
}

export async function inTransaction<T>(
  pool: pg.Pool,
  workspaceId: number,
  fn: (c: pg.PoolClient) => Promise<T>,
) {
  const client = await pool.connect();
  try {
    // One snapshot for all the streams read, so the histories agree with each other.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    // One rebuild or refresh per workspace at a time: both add into and take out of the same rows.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('speedometer'), $1)", [workspaceId]);
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

// One clock per zone for the process: its offset cache is what makes converting millions of times cheap.
const clocks = new Map<string, ReturnType<typeof localClock>>();
const clockFor = (timeZone: string) => {
  let c = clocks.get(timeZone);
  if (!c) {
    c = localClock(timeZone);
    clocks.set(timeZone, c);
  }
  return c;
};

export const options = (ctx: WorkspaceContext, dims = true): ContributionOptions => ({
  windowDays: ctx.settings.windowDays,
  toLocal: clockFor(ctx.timeZone),
  dims,
});

/** Adds rollup rows into speedometer_month (a refresh's rows are differences, so they add too). */
export async function addRollup(db: Q, ws: number, rows: readonly RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    const cols = FIELDS.map((_, f) => batch.map((r) => r.values[f]!));
    await db.query(
      `INSERT INTO speedometer_month AS t (workspace_id, dim, value, month, ${FIELDS.join(", ")})
       SELECT $1, x.dim, x.value, x.month::date, ${FIELDS.map((f) => `x.${f}`).join(", ")}
       FROM unnest($2::text[], $3::text[], $4::text[], ${FIELDS.map((_, f) => `$${f + 5}::float8[]`).join(", ")})
         AS x(dim, value, month, ${FIELDS.join(", ")})
       ON CONFLICT (workspace_id, dim, value, month) DO UPDATE SET
         ${FIELDS.map((f) => `${f} = t.${f} + EXCLUDED.${f}`).join(", ")}`,
      [ws, batch.map((r) => r.dim), batch.map((r) => r.value), batch.map((r) => `${r.month}-01`), ...cols],
    );
  }
}

async function hasSegments(db: Q, ws: number): Promise<boolean> {
  return (
    (await db.query("SELECT 1 FROM customer_segment WHERE workspace_id = $1 LIMIT 1", [ws])).rowCount === 1
  );
}

export async function recomputeStated(db: Q, ctx: WorkspaceContext, months: string[] | null): Promise<void> {
  const segments = await hasSegments(db, ctx.id);
  if (months === null) {
    await db.query("DELETE FROM speedometer_stated WHERE workspace_id = $1", [ctx.id]);
    await db.query(statedSql("dims", false), [ctx.id, ctx.timeZone]);
    if (segments) await db.query(statedSql("segment", false), [ctx.id, ctx.timeZone]);
    return;
  }
  await db.query("DELETE FROM speedometer_stated WHERE workspace_id = $1 AND month = ANY($2::date[])", [
    ctx.id,
    months,
  ]);
  await db.query(statedSql("dims", true), [ctx.id, ctx.timeZone, months]);
  if (segments) await db.query(statedSql("segment", true), [ctx.id, ctx.timeZone, months]);
}

/** Running sums, then the state row; `kept` is the number of kept histories (rebuild) or its change (refresh). */
export async function finalize(db: Q, ctx: WorkspaceContext, rebuilt: boolean, kept: number): Promise<void> {
  for (const sql of finalizeSql) await db.query(sql, [ctx.id]);
  await db.query(stateSql, [ctx.id, ctx.settings.windowDays, ctx.timeZone, rebuilt]);
  await db.query(
    `UPDATE speedometer_state SET kept_customers = CASE WHEN $3 THEN $2 ELSE kept_customers + $2 END
     WHERE workspace_id = $1`,
    [ctx.id, kept, rebuilt],
  );
}

/** Kept histories lost (the unlogged table is emptied after a crash): only a rebuild can recount. */
export async function historiesLost(db: Q, ctx: WorkspaceContext): Promise<boolean> {
  if ((ctx.state?.keptCustomers ?? 0) === 0) return false;
  const r = await db.query("SELECT 1 FROM speedometer_customer WHERE workspace_id = $1 LIMIT 1", [ctx.id]);
  return r.rowCount === 0;
}

/** Keeps each customer's history in speedometer_customer, written straight into COPY chunks. */
export async function keepHistories(db: pg.ClientBase, ws: number, b: HistoryBatch): Promise<void> {
  const ch = channelBytes(b);
  function* tuples() {
    for (let c = 0; c < b.size; c++) {
      const len = historySize(b, c, ch);
      yield {
        size: 2 + 8 + 12 + 4 + len,
        write: (out: Buffer, p: number) => {
          p = out.writeInt16BE(3, p);
          p = out.writeInt32BE(4, p);
          p = out.writeInt32BE(ws, p);
          p = out.writeInt32BE(8, p);
          const id = b.customerId[c]!;
          p = out.writeInt32BE(Math.floor(id / 4_294_967_296), p);
          p = out.writeUInt32BE(id >>> 0, p);
          p = out.writeInt32BE(len, p);
          return writeHistory(b, c, out, p, ch);
        },
      };
    }
  }
  await writeBinaryTuples(db, "speedometer_customer", ["workspace_id", "customer_id", "history"], tuples());
}

/**
 * A refresh's kept histories, written in place: each that changed is copied into a temporary table and
 * upserted on the primary key (an index probe per row, where a delete by a list of ids was planned as a
 * scan of every kept history), and those left without orders or complaints are deleted. A history that
 * encodes to exactly the bytes kept is not written at all. `kept`: the affected customers' kept histories.
 */
export async function replaceHistories(
  db: pg.ClientBase,
  ws: number,
  b: HistoryBatch,
  kept: ReadonlyMap<number, Buffer>,
): Promise<{ written: number; deleted: number }> {
  await db.query(
    "CREATE TEMP TABLE spd_kept (customer_id bigint NOT NULL, history bytea NOT NULL) ON COMMIT DROP",
  );
  const ch = channelBytes(b);
  let scratch = Buffer.allocUnsafe(1 << 16);
  function* tuples() {
    for (let c = 0; c < b.size; c++) {
      const len = historySize(b, c, ch);
      if (len > scratch.length) scratch = Buffer.allocUnsafe(Math.max(len, 2 * scratch.length));
      writeHistory(b, c, scratch, 0, ch);
      const id = b.customerId[c]!;
      const old = kept.get(id);
      if (old !== undefined && old.length === len && scratch.compare(old, 0, len, 0, len) === 0) continue;
      yield {
        size: 2 + 12 + 4 + len,
        write: (out: Buffer, p: number) => {
          p = out.writeInt16BE(2, p);
          p = out.writeInt32BE(8, p);
          p = out.writeInt32BE(Math.floor(id / 4_294_967_296), p);
          p = out.writeUInt32BE(id >>> 0, p);
          p = out.writeInt32BE(len, p);
          return p + scratch.copy(out, p, 0, len);
        },
      };
    }
  }
  const written = await writeBinaryTuples(db, "spd_kept", ["customer_id", "history"], tuples());
  if (written > 0) {
    await db.query(
      `INSERT INTO speedometer_customer (workspace_id, customer_id, history)
       SELECT $1, customer_id, history FROM spd_kept
       ON CONFLICT (workspace_id, customer_id) DO UPDATE SET history = EXCLUDED.history`,
      [ws],
    );
  }
  const inBatch = new Set(b.customerId.subarray(0, b.size));
  const gone = [...kept.keys()].filter((id) => !inBatch.has(id));
  // In small lists, so that each is planned as index probes.
  for (let i = 0; i < gone.length; i += 500) {
    await db.query(
      "DELETE FROM speedometer_customer WHERE workspace_id = $1 AND customer_id = ANY($2::bigint[])",
      [ws, gone.slice(i, i + 500)],
    );
  }
  return { written, deleted: gone.length };
}

export const accumulatorFor = (batches: HistoryBatch[], o: ContributionOptions): Accumulator => {
  const [first, last] = monthsTouched(batches, o);
  return createAccumulator(first, last);
};
