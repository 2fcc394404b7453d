import type { Month } from "./types.ts";

/** Months as "YYYY-MM"; arithmetic on (year, month) pairs only. */

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

const toIndex = (m: Month): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const fromIndex = (i: number): Month =>
  `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;

export const addMonths = (m: Month, k: number): Month => fromIndex(toIndex(m) + k);
export const compareMonths = (a: Month, b: Month): number => toIndex(a) - toIndex(b);
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = toIndex(from); i <= toIndex(to); i++) out.push(fromIndex(i));
  return out;
}

/** The default period: three months, so that an hour of the week holds enough requests to read. */
export const DEFAULT_MONTHS = 3;
/** Channel shift is shown over a year ending with the period. */
export const TREND_MONTHS = 12;
export const MAX_MONTHS = 120;

export type Period = { from: Month; to: Month; months: number; trendFrom: Month };

export class PeriodError extends Error {}

/**
 * [from, to] inclusive. By default the last three complete months up to the last month with data (a
 * historical data set still opens on its own data), or the month in progress if that is all there is.
 */
export function resolvePeriod(q: {
  from?: Month;
  to?: Month;
  currentMonth: Month;
  firstMonth: Month | null;
  lastMonth: Month | null;
}): Period {
  const lastComplete = addMonths(q.currentMonth, -1);
  let defaultTo = lastComplete;
  if (q.lastMonth !== null) {
    defaultTo = compareMonths(q.lastMonth, lastComplete) < 0 ? q.lastMonth : lastComplete;
    if (q.firstMonth !== null && compareMonths(defaultTo, q.firstMonth) < 0) defaultTo = q.lastMonth;
  }
  const to = q.to ?? (q.from !== undefined && compareMonths(q.from, defaultTo) > 0 ? q.from : defaultTo);
  const from = q.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
  if (compareMonths(from, to) > 0) throw new PeriodError(`'from' (${from}) is after 'to' (${to})`);
  const months = toIndex(to) - toIndex(from) + 1;
  if (months > MAX_MONTHS) throw new PeriodError(`The period may span at most ${MAX_MONTHS} months`);
  const trendFrom =
    compareMonths(from, addMonths(to, -(TREND_MONTHS - 1))) < 0 ? from : addMonths(to, -(TREND_MONTHS - 1));
  return { from, to, months, trendFrom };
}
