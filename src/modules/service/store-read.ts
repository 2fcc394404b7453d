import type pg from "pg";
import type { Dim } from "./rollup.ts";
import type { Channel, Kind, Month } from "./types.ts";

/** The page's reads: rollups for everything that adds up, facts only for small or selective questions. */

type Q = Pick<pg.ClientBase, "query">;

export type Filters = { location: number | null; channel: Channel | null; kind: Kind | null };

/** The rollup slice that answers a combination of the location and kind filters. */
export function sliceOf(f: Filters): { dim: Dim; value: string } {
  if (f.location !== null && f.kind !== null)
    return { dim: "location_kind", value: `${f.location}|${f.kind}` };
  if (f.location !== null) return { dim: "location", value: String(f.location) };
  if (f.kind !== null) return { dim: "kind", value: f.kind };
  return { dim: "all", value: "" };
}

const monthDate = (m: Month) => `${m}-01`;
const nextMonthDate = (m: Month) => {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
};

export type RollupRow = {
  month: Month;
  channel: Channel;
  in_hours: boolean;
  requests: number;
  answered: number;
  resolved: number;
  fr_sum: number;
  frb_sum: number;
  res_sum: number;
  resb_sum: number;
  fr_met: number;
  fr_breached: number;
  res_met: number;
  res_breached: number;
  switched: number;
  heat: Buffer;
  heat_answered: Buffer;
  heat_fr_sum: Buffer;
  hist_fr: Buffer;
  hist_frb: Buffer;
  hist_res: Buffer;
  hist_resb: Buffer;
};

export async function readRollups(
  db: Q,
  ws: number,
  f: Filters,
  from: Month,
  to: Month,
): Promise<RollupRow[]> {
  const s = sliceOf(f);
  const r = await db.query<RollupRow>(
    `SELECT to_char(month, 'YYYY-MM') AS month, channel, in_hours, requests, answered, resolved,
       fr_sum::float8 AS fr_sum, frb_sum::float8 AS frb_sum, res_sum::float8 AS res_sum, resb_sum::float8 AS resb_sum,
       fr_met, fr_breached, res_met, res_breached, switched, heat, heat_answered, heat_fr_sum,
       hist_fr, hist_frb, hist_res, hist_resb
     FROM service_rollup
     WHERE workspace_id = $1 AND dim = $2 AND value = $3 AND month >= $4::date AND month <= $5::date
       AND ($6::text IS NULL OR channel = $6)`,
    [ws, s.dim, s.value, monthDate(from), monthDate(to), f.channel],
  );
  return r.rows;
}

/** Requests per month and channel (channel shift), and the workspace's total in the period. */
export async function readTrend(
  db: Q,
  ws: number,
  f: Filters,
  from: Month,
  to: Month,
): Promise<Array<{ month: Month; channel: Channel; requests: number }>> {
  const s = sliceOf(f);
  const r = await db.query<{ month: Month; channel: Channel; requests: number }>(
    `SELECT to_char(month, 'YYYY-MM') AS month, channel, sum(requests)::int AS requests
     FROM service_rollup WHERE workspace_id = $1 AND dim = $2 AND value = $3 AND month >= $4::date AND month <= $5::date
       AND ($6::text IS NULL OR channel = $6)
     GROUP BY month, channel ORDER BY month, channel`,
    [ws, s.dim, s.value, monthDate(from), monthDate(to), f.channel],
  );
  return r.rows;
}

export async function countAll(db: Q, ws: number, from: Month, to: Month): Promise<number> {
  const r = await db.query<{ n: number | null }>(
    `SELECT sum(requests)::int AS n FROM service_rollup
     WHERE workspace_id = $1 AND dim = 'all' AND value = '' AND month >= $2::date AND month <= $3::date`,
    [ws, monthDate(from), monthDate(to)],
  );
  return r.rows[0]?.n ?? 0;
}

export type WeekRow = {
  week: string;
  requests: number;
  fr_met: number;
  fr_breached: number;
  res_met: number;
  res_breached: number;
};

/** Weeks whose Monday falls in the period. */
export async function readWeeks(db: Q, ws: number, f: Filters, from: Month, to: Month): Promise<WeekRow[]> {
  const s = sliceOf(f);
  const r = await db.query<WeekRow>(
    `SELECT to_char(week, 'YYYY-MM-DD') AS week, sum(requests)::int AS requests, sum(fr_met)::int AS fr_met,
       sum(fr_breached)::int AS fr_breached, sum(res_met)::int AS res_met, sum(res_breached)::int AS res_breached
     FROM service_week WHERE workspace_id = $1 AND dim = $2 AND value = $3 AND week >= $4::date AND week < $5::date
       AND ($6::text IS NULL OR channel = $6)
     GROUP BY week ORDER BY week`,
    [ws, s.dim, s.value, monthDate(from), nextMonthDate(to), f.channel],
  );
  return r.rows;
}

export type LocationSlaRow = {
  location: string;
  requests: number;
  fr_met: number;
  fr_breached: number;
  res_met: number;
  res_breached: number;
};

export async function readByLocation(
  db: Q,
  ws: number,
  f: Filters,
  from: Month,
  to: Month,
): Promise<LocationSlaRow[]> {
  const dim = f.kind === null ? "location" : "location_kind";
  const r = await db.query<LocationSlaRow>(
    `SELECT split_part(value, '|', 1) AS location, sum(requests)::int AS requests, sum(fr_met)::int AS fr_met,
       sum(fr_breached)::int AS fr_breached, sum(res_met)::int AS res_met, sum(res_breached)::int AS res_breached
     FROM service_rollup WHERE workspace_id = $1 AND dim = $2 AND month >= $3::date AND month <= $4::date
       AND ($5::text IS NULL OR channel = $5)
       AND ($6::text IS NULL OR split_part(value, '|', 2) = $6)
       AND ($7::text IS NULL OR split_part(value, '|', 1) = $7)
     GROUP BY 1 ORDER BY 1`,
    [
      ws,
      dim,
      monthDate(from),
      monthDate(to),
      f.channel,
      f.kind,
      f.location === null ? null : String(f.location),
    ],
  );
  return r.rows;
}

const factWhere = `workspace_id = $1 AND day >= $2::date AND day < $3::date
  AND ($4::bigint IS NULL OR coalesce(location_id, 0) = $4) AND ($5::text IS NULL OR channel = $5)
  AND ($6::text IS NULL OR kind = $6)`;
const factParams = (ws: number, f: Filters, from: Month, to: Month) => [
  ws,
  monthDate(from),
  nextMonthDate(to),
  f.location,
  f.channel,
  f.kind,
];

export type RunningRow = {
  channel: Channel;
  location: string;
  week: string;
  fr: "late" | "running" | null;
  res: "late" | "running" | null;
};

/** Requests still running at the last refresh, judged against `now` (they may have breached since). */
export async function readRunning(
  db: Q,
  ws: number,
  f: Filters,
  from: Month,
  to: Month,
  now: Date,
): Promise<RunningRow[]> {
  const r = await db.query<RunningRow>(
    `SELECT channel, coalesce(location_id, 0)::text AS location,
       to_char(day - ((extract(isodow FROM day)::int - 1)), 'YYYY-MM-DD') AS week,
       CASE WHEN fr_sla = 'running' THEN CASE WHEN fr_due_at < $7 THEN 'late' ELSE 'running' END END AS fr,
       CASE WHEN res_sla = 'running' THEN CASE WHEN res_due_at < $7 THEN 'late' ELSE 'running' END END AS res
     FROM service_request_fact WHERE ${factWhere} AND (fr_sla = 'running' OR res_sla = 'running')`,
    [...factParams(ws, f, from, to), now],
  );
  return r.rows;
}

export type ExactRow = {
  channel: Channel | null;
  in_hours: boolean | null;
  n: number;
  fr: number[] | null;
  frb: number[] | null;
  res: number[] | null;
  resb: number[] | null;
};

/** Exact type-7 percentiles (PostgreSQL's percentile_cont) by channel, by in/out of hours, and overall. */
export async function readExact(db: Q, ws: number, f: Filters, from: Month, to: Month): Promise<ExactRow[]> {
  const p = "percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY";
  const r = await db.query<ExactRow>(
    `SELECT channel, in_hours, count(*)::int AS n, ${p} fr_s) AS fr, ${p} fr_bs) AS frb, ${p} res_s) AS res,
       ${p} res_bs) AS resb
     FROM service_request_fact WHERE ${factWhere}
     GROUP BY GROUPING SETS ((channel), (in_hours), ())`,
    factParams(ws, f, from, to),
  );
  return r.rows;
}

export type TwoChannel = {
  customers: number;
  requests: number;
  pairs: Array<{ from: Channel; to: Channel; requests: number }>;
};

export async function readTwoChannel(
  db: Q,
  ws: number,
  f: Filters,
  from: Month,
  to: Month,
): Promise<TwoChannel> {
  const r = await db.query<{
    prev_channel: Channel | null;
    channel: Channel | null;
    requests: number;
    customers: number;
  }>(
    `SELECT prev_channel, channel, count(*)::int AS requests, count(DISTINCT customer_id)::int AS customers
     FROM service_request_fact WHERE ${factWhere} AND prev_channel IS NOT NULL
     GROUP BY GROUPING SETS ((prev_channel, channel), ())`,
    factParams(ws, f, from, to),
  );
  const total = r.rows.find((x) => x.prev_channel === null);
  return {
    customers: total?.customers ?? 0,
    requests: total?.requests ?? 0,
    pairs: r.rows
      .filter((x) => x.prev_channel !== null && x.channel !== null)
      .map((x) => ({ from: x.prev_channel as Channel, to: x.channel as Channel, requests: x.requests }))
      .sort((a, b) => b.requests - a.requests),
  };
}

export type OrderHeatRow = { in_hours: boolean; orders: number; heat: Buffer };
export type OrderWaitRow = {
  wait_days: number;
  orders: number;
  completed: number;
  cancelled: number;
  returned: number;
};

/** Orders have their own channels (store, online…), so only the location filter applies to them. */
export async function readOrders(
  db: Q,
  ws: number,
  location: number | null,
  from: Month,
  to: Month,
): Promise<{ heat: OrderHeatRow[]; waits: OrderWaitRow[] }> {
  const params = [ws, monthDate(from), monthDate(to), location];
  const where =
    "workspace_id = $1 AND month >= $2::date AND month <= $3::date AND ($4::bigint IS NULL OR location_id = $4)";
  const [heat, waits] = await Promise.all([
    db.query<OrderHeatRow>(`SELECT in_hours, orders, heat FROM service_order_rollup WHERE ${where}`, params),
    db.query<OrderWaitRow>(
      `SELECT wait_days, sum(orders)::int AS orders, sum(completed)::int AS completed, sum(cancelled)::int AS cancelled,
         sum(returned)::int AS returned
       FROM service_order_wait WHERE ${where} GROUP BY wait_days ORDER BY wait_days`,
      params,
    ),
  ]);
  return { heat: heat.rows, waits: waits.rows };
}

export { factParams, factWhere, monthDate, nextMonthDate };
