import type pg from "pg";
import type { SlaStatus } from "./sla.ts";
import { type Filters, monthDate, nextMonthDate } from "./store-read.ts";
import type { Month } from "./types.ts";

/** Drill-down: the requests (and orders) behind any cell of the page, a page at a time. */

type Q = Pick<pg.ClientBase, "query">;

export type RequestCell = {
  weekday?: number;
  hour?: number;
  inHours?: boolean;
  month?: Month;
  /** Monday "YYYY-MM-DD" of a week (workspace clock). */
  week?: string;
  answered?: boolean;
  resolved?: boolean;
  firstResponseSla?: SlaStatus;
  resolutionSla?: SlaStatus;
  secondChannel?: boolean;
};

export type DrillRow = {
  id: number;
  external_id: string;
  created_at: Date;
  created_local: string;
  channel: string;
  kind: string;
  location_id: number | null;
  location_name: string | null;
  customer_id: number | null;
  customer_external_id: string | null;
  status: string;
  assignee: string | null;
  subject: string | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  in_hours: boolean;
  fr_s: number | null;
  fr_bs: number | null;
  res_s: number | null;
  res_bs: number | null;
  fr_due_at: Date | null;
  res_due_at: Date | null;
  fr_sla: SlaStatus | null;
  res_sla: SlaStatus | null;
  prev_channel: string | null;
};

export async function readRequestCell(
  db: Q,
  ws: number,
  timeZone: string,
  f: Filters,
  period: { from: Month; to: Month },
  cell: RequestCell,
  page: { limit: number; offset: number },
  now: Date,
): Promise<{ total: number; rows: DrillRow[] }> {
  const params: unknown[] = [ws];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let nowRef: string | null = null;
  // SLA status judged against `now`: a request running at the refresh and past its deadline reads as breached.
  const slaNow = (col: "fr" | "res") => {
    nowRef ??= add(now);
    return `CASE WHEN f.${col}_sla = 'running' AND f.${col}_due_at < ${nowRef}::timestamptz THEN 'breached' ELSE f.${col}_sla END`;
  };
  const where = ["f.workspace_id = $1"];
  const from = cell.month ?? period.from;
  const to = cell.month ?? period.to;
  where.push(`f.day >= ${add(monthDate(from))}::date`, `f.day < ${add(nextMonthDate(to))}::date`);
  if (cell.week) where.push(`f.day >= ${add(cell.week)}::date`, `f.day < (${add(cell.week)}::date + 7)`);
  if (f.location !== null) where.push(`coalesce(f.location_id, 0) = ${add(f.location)}`);
  if (f.channel !== null) where.push(`f.channel = ${add(f.channel)}`);
  if (f.kind !== null) where.push(`f.kind = ${add(f.kind)}`);
  if (cell.weekday !== undefined) where.push(`f.weekday = ${add(cell.weekday)}`);
  if (cell.hour !== undefined) where.push(`f.hour = ${add(cell.hour)}`);
  if (cell.inHours !== undefined) where.push(`f.in_hours = ${add(cell.inHours)}`);
  if (cell.answered !== undefined) where.push(`(f.fr_s IS NOT NULL) = ${add(cell.answered)}`);
  if (cell.resolved !== undefined) where.push(`(f.res_s IS NOT NULL) = ${add(cell.resolved)}`);
  if (cell.firstResponseSla) where.push(`${slaNow("fr")} = ${add(cell.firstResponseSla)}`);
  if (cell.resolutionSla) where.push(`${slaNow("res")} = ${add(cell.resolutionSla)}`);
  if (cell.secondChannel !== undefined)
    where.push(`(f.prev_channel IS NOT NULL) = ${add(cell.secondChannel)}`);
  const sqlWhere = where.join(" AND ");
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM service_request_fact f WHERE ${sqlWhere}`,
    [...params],
  );
  const tz = add(timeZone);
  const limit = add(page.limit);
  const offset = add(page.offset);
  // The page of facts first, then the joins for its rows only.
  const rows = await db.query<DrillRow>(
    `SELECT r.id, r.external_id, r.created_at, to_char(r.created_at AT TIME ZONE ${tz}, 'YYYY-MM-DD HH24:MI') AS created_local,
       f.channel, f.kind, f.location_id, l.name AS location_name, f.customer_id, c.external_id AS customer_external_id,
       r.status, r.assignee, r.subject, r.first_response_at, r.resolved_at, f.in_hours, f.fr_s, f.fr_bs, f.res_s, f.res_bs,
       f.fr_due_at, f.res_due_at, f.fr_now AS fr_sla, f.res_now AS res_sla, f.prev_channel
     FROM (SELECT f.*, ${slaNow("fr")} AS fr_now, ${slaNow("res")} AS res_now FROM service_request_fact f
           WHERE ${sqlWhere} ORDER BY f.created_at DESC, f.request_id DESC LIMIT ${limit} OFFSET ${offset}) f
     JOIN request r ON r.workspace_id = f.workspace_id AND r.id = f.request_id
     LEFT JOIN location l ON l.workspace_id = f.workspace_id AND l.id = f.location_id
     LEFT JOIN customer c ON c.workspace_id = f.workspace_id AND c.id = f.customer_id
     ORDER BY f.created_at DESC, f.request_id DESC`,
    params,
  );
  return { total: total.rows[0]?.n ?? 0, rows: rows.rows };
}

export type OrderCell = {
  waitFrom?: number;
  waitTo?: number;
  status?: "completed" | "cancelled" | "returned";
  weekday?: number;
  hour?: number;
};

export type OrderDrillRow = {
  id: number;
  external_id: string;
  ordered_at: Date;
  ordered_local: string;
  customer_external_id: string | null;
  channel: string | null;
  location_id: number | null;
  location_name: string | null;
  status: string;
  wait_days: number;
  amount: number;
  currency: string;
};

/** Orders behind a wait bucket or an hour of the week, straight from the orders table (time index). */
export async function readOrderCell(
  db: Q,
  ws: number,
  timeZone: string,
  location: number | null,
  period: { from: Month; to: Month },
  cell: OrderCell,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: OrderDrillRow[] }> {
  const params: unknown[] = [ws, timeZone];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const local = "(o.ordered_at AT TIME ZONE $2)";
  const where = [
    "o.workspace_id = $1",
    // Bounds as instants, so the (workspace_id, ordered_at) index applies.
    `o.ordered_at >= (${add(monthDate(period.from))}::timestamp AT TIME ZONE $2)`,
    `o.ordered_at < (${add(nextMonthDate(period.to))}::timestamp AT TIME ZONE $2)`,
  ];
  if (location !== null) where.push(`coalesce(o.location_id, 0) = ${add(location)}`);
  if (cell.waitFrom !== undefined) where.push(`o.wait_days >= ${add(cell.waitFrom)}`);
  if (cell.waitTo !== undefined) where.push(`o.wait_days <= ${add(cell.waitTo)}`);
  if (cell.status) where.push(`o.status = ${add(cell.status)}`);
  if (cell.weekday !== undefined) where.push(`extract(isodow FROM ${local})::int - 1 = ${add(cell.weekday)}`);
  if (cell.hour !== undefined) where.push(`extract(hour FROM ${local})::int = ${add(cell.hour)}`);
  const sqlWhere = where.join(" AND ");
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders o WHERE ${sqlWhere}`,
    params,
  );
  const limit = add(page.limit);
  const offset = add(page.offset);
  const rows = await db.query<OrderDrillRow>(
    `SELECT o.id, o.external_id, o.ordered_at, to_char(${local}, 'YYYY-MM-DD HH24:MI') AS ordered_local,
       c.external_id AS customer_external_id, o.channel, o.location_id, l.name AS location_name, o.status, o.wait_days,
       o.amount, trim(o.currency) AS currency
     FROM orders o
     LEFT JOIN location l ON l.workspace_id = o.workspace_id AND l.id = o.location_id
     LEFT JOIN customer c ON c.workspace_id = o.workspace_id AND c.id = o.customer_id
     WHERE ${sqlWhere}
     ORDER BY o.ordered_at DESC, o.id DESC
     LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { total: total.rows[0]?.n ?? 0, rows: rows.rows };
}
