/**
 * From transactions to the per-customer summary every purchase model is fitted on: x (repeat purchase
 * occasions in the calibration period), t_x (time of the last of them since the first purchase), T (time
 * from the first purchase to the end of calibration) and the mean value of the repeat occasions.
 *
 * Conventions (Fader, Hardie & Lee 2005, section 3, and their CDNOW files):
 * - the first purchase is the trial and is not counted in x; a customer enters the cohort on that day;
 * - purchases on the same calendar day are one occasion, worth the sum of their amounts (the CDNOW file
 *   has such same-day rows; counting them separately would invent repeat purchases made minutes apart);
 * - time is measured in whole days, then expressed in the chosen unit (weeks by default; a month is
 *   365.25 / 12 days); the calibration end is a day that belongs to the calibration period, and T runs to
 *   the start of that day — CDNOW's end of 1997-09-30 gives T = 272/7 = 38.86 weeks to a customer first
 *   seen on 1997-01-01, exactly the published summary;
 * - customers whose first purchase falls after the calibration end are not in the cohort.
 * Amounts are taken as given (major or minor units — the models are scale-free).
 */
import { AppError } from "../../platform/errors.ts";
import { groupIdentical } from "../../platform/stats/group-rows.ts";

export type Transaction = { customerId: string; time: number; amount: number };
export type TimeUnit = "days" | "weeks" | "months";

export const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7, months: 365.25 / 12 };

const MS_PER_DAY = 86_400_000;
/** Calendar day number of an instant in UTC; pass a zoned `dayOf` to count days in the workspace's zone. */
export const utcDay = (time: number): number => Math.floor(time / MS_PER_DAY);

export type SummaryOptions = {
  /** Any instant on the last day of the calibration period. */
  calibrationEnd: number;
  /** Any instant on the last day of the holdout period; occasions after calibration up to it are counted. */
  holdoutEnd?: number;
  unit?: TimeUnit;
  dayOf?: (time: number) => number;
};

/** Columnar, one entry per customer of the cohort, in order of first appearance in the input. */
export type RfmSummary = {
  customerIds: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat occasions in calibration; 0 when x = 0. */
  meanSpend: Float64Array;
  /**
   * Repeat occasions meanSpend is the mean of, when not all of x (occasions with an order in another
   * currency have no known value); absent means x. The spend model reads this, the purchase models x.
   */
  spendX?: Float64Array;
  /** Day number of the first (trial) purchase. */
  firstDay: Float64Array;
  /** Repeat occasions after calibration up to the holdout end (zeros without a holdout). */
  holdoutX: Float64Array;
  unit: TimeUnit;
  calibrationEndDay: number;
  holdoutEndDay: number | null;
  /** Repeat occasions of the cohort per day number, calibration and holdout (for tracking charts). */
  repeatsByDay: Map<number, number>;
};

/** The weighted unique rows a likelihood is evaluated on. */
export type RfmRows = { x: Float64Array; tx: Float64Array; T: Float64Array; weight: Float64Array };

export function summarizeTransactions(
  transactions: readonly Transaction[],
  options: SummaryOptions,
): RfmSummary {
  const unit = options.unit ?? "weeks";
  const dayOf = options.dayOf ?? utcDay;
  const calEnd = dayOf(options.calibrationEnd);
  const holdEnd = options.holdoutEnd === undefined ? null : dayOf(options.holdoutEnd);
  if (!Number.isFinite(calEnd)) throw new AppError("validation", "calibrationEnd must be a valid time");
  if (holdEnd !== null && !(holdEnd > calEnd)) {
    throw new AppError("validation", "holdoutEnd must fall on a later day than calibrationEnd");
  }
  const lastDay = holdEnd ?? calEnd;
  // Bucket transactions by customer (counting sort keeps this linear for large workspaces).
  const index = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(transactions.length);
  const day = new Float64Array(transactions.length);
  for (let i = 0; i < transactions.length; i++) {
    const t = transactions[i] as Transaction;
    const d = dayOf(t.time);
    if (!Number.isFinite(d) || !Number.isFinite(t.amount)) {
      throw new AppError("validation", `transaction ${i} has an invalid time or amount`, { row: i });
    }
    day[i] = d;
    let k = index.get(t.customerId);
    if (k === undefined) {
      k = ids.length;
      index.set(t.customerId, k);
      ids.push(t.customerId);
    }
    owner[i] = k;
  }
  const start = new Int32Array(ids.length + 1);
  for (let i = 0; i < owner.length; i++)
    start[(owner[i] as number) + 1] = (start[(owner[i] as number) + 1] as number) + 1;
  for (let k = 0; k < ids.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, ids.length);
  const order = new Int32Array(owner.length);
  for (let i = 0; i < owner.length; i++) {
    const k = owner[i] as number;
    order[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  }
  const per = DAYS_PER_UNIT[unit];
  const repeatsByDay = new Map<number, number>();
  const keep: number[] = [];
  const cols = {
    x: [] as number[],
    tx: [] as number[],
    T: [] as number[],
    m: [] as number[],
    f: [] as number[],
    h: [] as number[],
  };
  for (let k = 0; k < ids.length; k++) {
    const rows = Array.from(order.subarray(start[k] as number, start[k + 1] as number)).sort(
      (i, j) => (day[i] as number) - (day[j] as number),
    );
    const first = day[rows[0] as number] as number;
    if (first > calEnd) continue;
    let x = 0;
    let lastRepeat = first;
    let spend = 0;
    let holdout = 0;
    let prev = first;
    for (const i of rows) {
      const d = day[i] as number;
      const amount = (transactions[i] as Transaction).amount;
      if (d > lastDay) break;
      const newOccasion = d !== prev;
      prev = d;
      if (d === first) continue; // the trial day, however many rows it has
      if (newOccasion) repeatsByDay.set(d, (repeatsByDay.get(d) ?? 0) + 1);
      if (d <= calEnd) {
        if (newOccasion) x++;
        lastRepeat = d;
        spend += amount;
      } else if (newOccasion) {
        holdout++;
      }
    }
    keep.push(k);
    cols.x.push(x);
    cols.tx.push(x > 0 ? (lastRepeat - first) / per : 0);
    cols.T.push((calEnd - first) / per);
    cols.m.push(x > 0 ? spend / x : 0);
    cols.f.push(first);
    cols.h.push(holdout);
  }
  return {
    customerIds: keep.map((k) => ids[k] as string),
    x: Float64Array.from(cols.x),
    tx: Float64Array.from(cols.tx),
    T: Float64Array.from(cols.T),
    meanSpend: Float64Array.from(cols.m),
    firstDay: Float64Array.from(cols.f),
    holdoutX: Float64Array.from(cols.h),
    unit,
    calibrationEndDay: calEnd,
    holdoutEndDay: holdEnd,
    repeatsByDay,
  };
}

/** Identical (x, t_x, T) customers become one row weighted by their count; `rowOf` maps customers back. */
export function compressRfm(summary: { x: Float64Array; tx: Float64Array; T: Float64Array }): {
  rows: RfmRows;
  rowOf: Int32Array;
} {
  const g = groupIdentical([summary.x, summary.tx, summary.T]);
  const [x, tx, T] = g.columns as [Float64Array, Float64Array, Float64Array];
  return { rows: { x, tx, T, weight: g.weight }, rowOf: g.groupOf };
}

/** Rows without compression (weight 1 each), for callers that already hold unique rows. */
export function uncompressedRows(x: Float64Array, tx: Float64Array, T: Float64Array): RfmRows {
  return { x, tx, T, weight: new Float64Array(x.length).fill(1) };
}
