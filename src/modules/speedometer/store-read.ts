import type pg from "pg";
import { monthToDate } from "./months.ts";
import type { DimensionOption } from "./report.ts";
import type { Dimension, Month, MonthCounts } from "./types.ts";

/** The speedometer page's reads: rollup rows only, by primary key ranges. */

type Q = Pick<pg.ClientBase, "query">;

type Row = { value: string; month: string } & Record<string, number | string>;

const COLUMNS = `
  coalesce(b.value, s.value) AS value, to_char(coalesce(b.month, s.month), 'YYYY-MM') AS month,
  coalesce(b.repeat_base, 0) AS "repeatBase", coalesce(b.repeat_returned, 0) AS "repeatReturned",
  coalesce(b.recovery_base, 0) AS "recoveryBase", coalesce(b.recovery_returned, 0) AS "recoveryReturned",
  coalesce(b.orders, 0) AS orders, coalesce(b.orders_full, 0) AS "ordersFull",
  coalesce(b.revenue, 0) AS revenue, coalesce(b.revenue_full, 0) AS "revenueFull",
  coalesce(b.revenue_sq, 0)::float8 AS "revenueSq",
  coalesce(b.wait_orders, 0) AS "waitOrders", coalesce(b.wait_completed, 0) AS "waitCompleted",
  coalesce(b.new_customers, 0) AS "newCustomers", coalesce(b.new_referred, 0) AS "newReferred",
  coalesce(s.nps_n, 0) AS "npsN", coalesce(s.nps_promoters, 0) AS "npsPromoters",
  coalesce(s.nps_detractors, 0) AS "npsDetractors", coalesce(s.csat_n, 0) AS "csatN",
  coalesce(s.csat_good, 0) AS "csatGood", coalesce(s.ces_n, 0) AS "cesN", coalesce(s.ces_sum, 0) AS "cesSum",
  coalesce(s.ces_sumsq, 0) AS "cesSumSq"`;

function slice(table: string, valueFilter: boolean): string {
  return `SELECT * FROM ${table} WHERE workspace_id = $1 AND dim = $2 ${valueFilter ? "AND value = $5" : ""}
    AND month BETWEEN $3::date AND $4::date`;
}

const toCounts = (r: Row): MonthCounts => {
  const { value: _v, month: _m, ...counts } = r;
  return counts as unknown as MonthCounts;
};

/** One slice (the whole business, or one location / channel / segment), month by month. */
export async function readSeries(
  db: Q,
  workspaceId: number,
  slice_: { dim: "all" | Dimension; value: string },
  from: Month,
  to: Month,
): Promise<Map<Month, MonthCounts>> {
  const r = await db.query<Row>(
    `SELECT ${COLUMNS} FROM (${slice("speedometer_month", true)}) b
     FULL JOIN (${slice("speedometer_stated", true)}) s ON s.month = b.month`,
    [workspaceId, slice_.dim, monthToDate(from), monthToDate(to), slice_.value],
  );
  return new Map(r.rows.map((row) => [row.month, toCounts(row)]));
}

/** Every value of a dimension, month by month (for the say–do gap table). */
export async function readSlices(
  db: Q,
  workspaceId: number,
  dim: Dimension,
  from: Month,
  to: Month,
): Promise<Map<string, Map<Month, MonthCounts>>> {
  const r = await db.query<Row>(
    `SELECT ${COLUMNS} FROM (${slice("speedometer_month", false)}) b
     FULL JOIN (${slice("speedometer_stated", false)}) s ON s.value = b.value AND s.month = b.month`,
    [workspaceId, dim, monthToDate(from), monthToDate(to)],
  );
  const out = new Map<string, Map<Month, MonthCounts>>();
  for (const row of r.rows) {
    const m = out.get(row.value) ?? new Map<Month, MonthCounts>();
    out.set(row.value, m);
    m.set(row.month, toCounts(row));
  }
  return out;
}

/** The values each filter offers, with their names (locations and segments by name, channels as they are). */
export async function readDimensions(
  db: Q,
  workspaceId: number,
): Promise<Record<Dimension, DimensionOption[]>> {
  const r = await db.query<{ dim: Dimension; value: string; label: string | null }>(
    `SELECT d.dim, d.value, coalesce(l.name, sg.name, d.value) AS label
     FROM (SELECT DISTINCT dim, value FROM speedometer_month WHERE workspace_id = $1 AND dim <> 'all'
           UNION SELECT DISTINCT dim, value FROM speedometer_stated WHERE workspace_id = $1 AND dim <> 'all') d
     LEFT JOIN location l ON d.dim = 'location' AND l.workspace_id = $1 AND l.id::text = d.value
     LEFT JOIN segment sg ON d.dim = 'segment' AND sg.workspace_id = $1 AND sg.id::text = d.value
     ORDER BY d.dim, label`,
    [workspaceId],
  );
  const out: Record<Dimension, DimensionOption[]> = { location: [], channel: [], segment: [] };
  for (const row of r.rows) out[row.dim].push({ value: row.value, label: row.label ?? row.value });
  return out;
}

/** A filter value given by id, external id or name, as the rollups key it (location and segment ids). */
export async function resolveDimensionValue(
  db: Q,
  workspaceId: number,
  dim: Dimension,
  given: string,
): Promise<string | undefined> {
  if (dim === "channel") return given;
  const table = dim === "location" ? "location" : "segment";
  const extra = dim === "location" ? "OR external_id = $2" : "";
  const r = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM ${table} WHERE workspace_id = $1 AND (id::text = $2 ${extra} OR name = $2)
     ORDER BY (id::text = $2) DESC LIMIT 1`,
    [workspaceId, given],
  );
  return r.rows[0]?.id;
}
