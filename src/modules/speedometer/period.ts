import { addMonths, compareMonths, monthSpan } from "./months.ts";
import { emptyCounts, type Month, type MonthCounts } from "./types.ts";

/** The longest period or trend the API serves; more would stop being "a few hundred rows". */
export const MAX_MONTHS = 120;
/** DOMAIN.md / the issue: the page's trends cover 24 months. */
export const TREND_MONTHS = 24;

export type Period = {
  from: Month;
  to: Month;
  months: number;
  previousFrom: Month;
  previousTo: Month;
  trendFrom: Month;
};

export type PeriodQuery = {
  from?: Month;
  to?: Month;
  /** The month that contains "now" in the workspace's zone (not complete yet). */
  currentMonth: Month;
  firstMonth: Month | null;
  lastMonth: Month | null;
};

export class PeriodError extends Error {}

/**
 * The period shown: [from, to] in months. By default the last complete month that has data (so a
 * historical data set still opens on its own last month), compared with the period of equal length before.
 */
export function resolvePeriod(q: PeriodQuery): Period {
  const lastComplete = addMonths(q.currentMonth, -1);
  let defaultTo = lastComplete;
  if (q.lastMonth !== null) {
    defaultTo = compareMonths(q.lastMonth, lastComplete) < 0 ? q.lastMonth : lastComplete;
    // Only a partial month holds data: show it rather than an empty page.
    if (q.firstMonth !== null && compareMonths(defaultTo, q.firstMonth) < 0) defaultTo = q.lastMonth;
  }
  const to = q.to ?? (q.from !== undefined && compareMonths(q.from, defaultTo) > 0 ? q.from : defaultTo);
  const from = q.from ?? to;
  if (compareMonths(from, to) > 0) throw new PeriodError(`'from' (${from}) is after 'to' (${to})`);
  const months = monthSpan(from, to);
  if (months > MAX_MONTHS) throw new PeriodError(`The period may span at most ${MAX_MONTHS} months`);
  return {
    from,
    to,
    months,
    previousFrom: addMonths(from, -months),
    previousTo: addMonths(from, -1),
    trendFrom: addMonths(to, -(TREND_MONTHS - 1)),
  };
}

/** The first month the report needs from the rollups. */
export const loadFrom = (p: Period): Month =>
  compareMonths(p.previousFrom, p.trendFrom) < 0 ? p.previousFrom : p.trendFrom;

/**
 * One period's counts from monthly rows: flows (orders, revenue, waits, new customers, answers) add up;
 * repeat and recovery are defined at a time t, here the end of the period, so they come from its last month.
 */
export function periodCounts(months: ReadonlyMap<Month, MonthCounts>, from: Month, to: Month): MonthCounts {
  const sum = emptyCounts();
  const n = monthSpan(from, to);
  for (let i = 0; i < n; i++) {
    const c = months.get(addMonths(from, i));
    if (!c) continue;
    for (const k of Object.keys(sum) as Array<keyof MonthCounts>) {
      if (k === "repeatBase" || k === "repeatReturned" || k === "recoveryBase" || k === "recoveryReturned")
        continue;
      sum[k] += c[k];
    }
  }
  const last = months.get(to);
  if (last) {
    sum.repeatBase = last.repeatBase;
    sum.repeatReturned = last.repeatReturned;
    sum.recoveryBase = last.recoveryBase;
    sum.recoveryReturned = last.recoveryReturned;
  }
  return sum;
}
