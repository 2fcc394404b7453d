import type pg from "pg";
import { F } from "./accumulator.ts";
import { addMonths, compareMonths } from "./months.ts";
import type { SpeedometerSettings } from "./settings.ts";
import { groupRollup, isCurrent, loadContext } from "./store.ts";
import { readSeries, resolveDimensionValue } from "./store-read.ts";
import type { Dimension, Month, MonthCounts } from "./types.ts";
import { emptyCounts } from "./types.ts";

/** What other modules (initiatives) read from the speedometer: series for a slice of the business. */

export type Slice = { kind: "all" } | { kind: Dimension; value: string } | { kind: "problem"; value: string };

export type SpeedometerInfo = SpeedometerSettings & {
  workspaceId: number;
  timeZone: string;
  firstMonth: Month | null;
  lastMonth: Month | null;
  needsRebuild: boolean;
};

export async function speedometerInfo(
  pool: pg.Pool,
  workspace: number | string,
): Promise<SpeedometerInfo | undefined> {
  const ctx = await loadContext(pool, workspace);
  if (!ctx) return undefined;
  return {
    ...ctx.settings,
    workspaceId: ctx.id,
    timeZone: ctx.timeZone,
    firstMonth: ctx.state?.firstMonth ?? null,
    lastMonth: ctx.state?.lastMonth ?? null,
    needsRebuild: !isCurrent(ctx),
  };
}

/** A location or segment given by id, external id or name, as the rollups key it; channels as given. */
export const resolveSlice = (pool: pg.Pool, workspaceId: number, dim: Dimension, given: string) =>
  resolveDimensionValue(pool, workspaceId, dim, given);

/**
 * Monthly counts of a slice for [from, to]. Locations, channels and segments come from the rollups; a
 * problem's customers (those whose requests name it) are computed on demand from the helper tables.
 */
export async function sliceSeries(
  pool: pg.Pool,
  workspaceId: number,
  slice: Slice,
  from: Month,
  to: Month,
): Promise<Map<Month, MonthCounts>> {
  if (slice.kind === "all") return readSeries(pool, workspaceId, { dim: "all", value: "" }, from, to);
  if (slice.kind !== "problem")
    return readSeries(pool, workspaceId, { dim: slice.kind, value: slice.value }, from, to);
  const ctx = await loadContext(pool, workspaceId);
  if (!ctx) return new Map();
  const rows = await groupRollup(
    pool,
    ctx,
    "SELECT customer_id FROM request WHERE workspace_id = $1 AND problem_id = $2::bigint AND customer_id IS NOT NULL",
    slice.value,
  );
  const byMonth = new Map(rows.map((r) => [r.month, r.values]));
  const months = [...byMonth.keys()].sort();
  const out = new Map<Month, MonthCounts>();
  if (months.length === 0) return out;
  // Repeat comes as differences: run the sums from the group's first month on.
  let base = 0;
  let returned = 0;
  for (let m = months[0]!; compareMonths(m, to) <= 0; m = addMonths(m, 1)) {
    const v = byMonth.get(m) ?? new Array<number>(13).fill(0);
    base += v[F.repeatBase]!;
    returned += v[F.repeatReturned]!;
    if (compareMonths(m, from) < 0) continue;
    out.set(m, {
      ...emptyCounts(),
      repeatBase: base,
      repeatReturned: returned,
      recoveryBase: v[F.recoveryBase]!,
      recoveryReturned: v[F.recoveryReturned]!,
      orders: v[F.orders]!,
      ordersFull: v[F.ordersFull]!,
      revenue: v[F.revenue]!,
      revenueFull: v[F.revenueFull]!,
      revenueSq: v[F.revenueSq]!,
      waitOrders: v[F.waitOrders]!,
      waitCompleted: v[F.waitCompleted]!,
      newCustomers: v[F.newCustomers]!,
      newReferred: v[F.newReferred]!,
    });
  }
  return out;
}

/** Counts of a minus counts of b, month by month (the rest of the business = all − the target). */
export function subtractSeries(
  a: ReadonlyMap<Month, MonthCounts>,
  b: ReadonlyMap<Month, MonthCounts>,
): Map<Month, MonthCounts> {
  const out = new Map<Month, MonthCounts>();
  for (const [m, x] of a) {
    const y = b.get(m) ?? emptyCounts();
    const d = emptyCounts();
    for (const k of Object.keys(d) as Array<keyof MonthCounts>) d[k] = x[k] - y[k];
    out.set(m, d);
  }
  return out;
}
