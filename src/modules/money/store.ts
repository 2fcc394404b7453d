/**
 * The money module's SQL for fits: the workspace, its money settings, and the per-customer aggregates a
 * fit starts from. Writing a fit is in store-fit.ts, the page's reads in store-read.ts.
 */
import type pg from "pg";
import { type AggregateDays, type CustomerAggregates, occasionAccumulator } from "./aggregates.ts";
import type { MoneySettingsPatch } from "./settings.ts";
import { copyOutLines, sqlInt, sqlTime } from "./store-copy.ts";

type Q = Pick<pg.Pool, "query">;

export type WorkspaceRow = {
  id: number;
  slug: string;
  currency: string;
  timeZone: string;
  settings: unknown;
};

export async function loadWorkspace(db: Q, workspace: number | string): Promise<WorkspaceRow | undefined> {
  const r = await db.query<{ id: number; slug: string; currency: string; time_zone: string; money: unknown }>(
    `SELECT id, slug, currency, time_zone, settings->'money' AS money FROM workspace
     WHERE ${typeof workspace === "number" ? "id = $1" : "slug = $1 OR id::text = $1"}`,
    [workspace],
  );
  const w = r.rows[0];
  return (
    w && { id: w.id, slug: w.slug, currency: w.currency.trim(), timeZone: w.time_zone, settings: w.money }
  );
}

/** Merges a patch into workspace.settings.money (a null clears a setting back to its default). */
export async function updateMoneySettings(
  db: Q,
  workspaceId: number,
  patch: MoneySettingsPatch,
): Promise<void> {
  await db.query(
    `UPDATE workspace SET settings = settings || jsonb_build_object('money',
       coalesce(settings->'money', '{}'::jsonb) || $2::jsonb) WHERE id = $1`,
    [workspaceId, JSON.stringify(patch)],
  );
}

/**
 * The instant a fit's data end at (exclusive) and the workspace-zone day number of the last day: a Date
 * is taken as it is, a YYYY-MM-DD day runs to the start of the next day in the workspace's zone.
 */
export async function resolveAsOf(
  db: Q,
  workspaceId: number,
  asOf: Date | string,
): Promise<{ bound: Date; endDay: number }> {
  const r = await db.query<{ bound: Date; end_day: number }>(
    typeof asOf === "string"
      ? `SELECT (($2::date + 1)::timestamp AT TIME ZONE w.time_zone) AS bound, $2::date - DATE '1970-01-01' AS end_day
         FROM workspace w WHERE w.id = $1`
      : `SELECT $2::timestamptz AS bound,
           (($2::timestamptz - interval '1 millisecond') AT TIME ZONE w.time_zone)::date - DATE '1970-01-01' AS end_day
         FROM workspace w WHERE w.id = $1`,
    [workspaceId, asOf],
  );
  const row = r.rows[0];
  if (!row) throw new Error(`workspace ${workspaceId} vanished`);
  return { bound: row.bound, endDay: row.end_day };
}

/**
 * Completed orders before the bound in currencies other than the workspace's, by currency (most first):
 * they count as purchases, but their amounts are left out of spend and revenue.
 */
export async function otherCurrencyOrders(
  db: Q,
  workspaceId: number,
  bound: Date,
): Promise<{ currency: string; orders: number }[]> {
  const r = await db.query<{ currency: string; orders: string }>(
    `SELECT trim(o.currency) AS currency, count(*) AS orders
     FROM orders o JOIN workspace w ON w.id = o.workspace_id
     WHERE o.workspace_id = $1 AND o.status = 'completed' AND o.ordered_at < $2 AND o.currency <> w.currency
     GROUP BY 1 ORDER BY 2 DESC, 1`,
    [workspaceId, bound],
  );
  return r.rows.map((row) => ({ currency: row.currency, orders: Number(row.orders) }));
}

/** Workspace-zone day of the first completed order before the bound, or null when there is none. */
export async function firstOrderDay(db: Q, workspaceId: number, bound: Date): Promise<number | null> {
  // min() alone on (workspace_id, ordered_at) is one index probe; a join or GROUP BY around it is a scan.
  const r = await db.query<{ day: number | null }>(
    `SELECT (o.first AT TIME ZONE w.time_zone)::date - DATE '1970-01-01' AS day
     FROM workspace w, (SELECT min(ordered_at) AS first FROM orders
       WHERE workspace_id = $1 AND status = 'completed' AND ordered_at < $2) o
     WHERE w.id = $1`,
    [workspaceId, bound],
  );
  return r.rows[0]?.day ?? null;
}

/** Median hours from creation to resolution of complaints resolved before the bound (null: none). */
export async function medianResolutionHours(db: Q, workspaceId: number, bound: Date): Promise<number | null> {
  const r = await db.query<{ hours: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at) / 3600) AS hours
     FROM request WHERE workspace_id = $1 AND kind = 'complaint' AND resolved_at < $2`,
    [workspaceId, bound],
  );
  return r.rows[0]?.hours ?? null;
}

/**
 * The workspace's completed orders as day-level purchase occasions (days in its time zone, same-day
 * orders summed), sorted by customer and day, folded into per-customer aggregates as they stream in.
 * Grouping happens in SQL; the per-customer fold in Node (aggregates.ts), which keeps the database to one
 * scan, one sort and one grouping (a window and a second grouping in SQL took twice as long at 6 M orders).
 */
export async function readAggregates(
  pool: pg.Pool,
  workspaceId: number,
  bound: Date,
  days: AggregateDays,
): Promise<CustomerAggregates> {
  const ws = sqlInt(workspaceId);
  // Value in the workspace's currency only (Storona does not convert): an occasion with an order in
  // another currency is a purchase whose value is not fully known ('f' in the fourth column).
  const query = `
    SELECT o.customer_id,
      (o.ordered_at AT TIME ZONE w.time_zone)::date - DATE '1970-01-01',
      coalesce(sum(o.amount::float8) FILTER (WHERE o.currency = w.currency), 0),
      bool_and(o.currency = w.currency)
    FROM orders o, (SELECT time_zone, currency FROM workspace WHERE id = ${ws}) w
    WHERE o.workspace_id = ${ws} AND o.status = 'completed' AND o.ordered_at < ${sqlTime(bound)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const acc = occasionAccumulator(days);
  // A sort of millions of occasions fits in memory with more than the default 4 MB.
  await copyOutLines(pool, query, (f) => acc.add(Number(f[0]), Number(f[1]), Number(f[2]), f[3] === "t"), [
    "SET LOCAL work_mem = '256MB'",
  ]);
  return acc.finish();
}
