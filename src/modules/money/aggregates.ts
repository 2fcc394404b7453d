/**
 * Per-customer aggregates for a fit, built from the day-level purchase occasions the database streams
 * (store.ts: orders grouped by customer and day in SQL, sorted by customer, so a fit never holds orders
 * or occasions in memory), and the model summaries built from them. The conventions are
 * summarizeTransactions' (summary.ts): same-day orders are one occasion, the first occasion is the
 * trial, T runs to the start of the calibration's last day.
 */
import { DAYS_PER_UNIT, type RfmSummary, type TimeUnit } from "./summary.ts";

/** Day numbers (days since 1970-01-01 in the workspace's zone) that bound the windows of one fit. */
export type AggregateDays = {
  /** Last day of data in the fit (the as-of day). */
  end: number;
  /** Last calibration day of the holdout check; null when there is no holdout check. */
  cutoff: number | null;
  /** The as-of day one period earlier, for P(alive) then. */
  previous: number;
  /** First day of the 12 months of realised revenue (inclusive). */
  revenueFrom: number;
};

/** Columns, one entry per customer with a completed order up to `end`. NaN marks "no such purchase". */
export type CustomerAggregates = {
  customerId: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** Repeat occasions up to end, the day of the last of them, and their summed value. */
  x: Float64Array;
  lastRepeat: Float64Array;
  repeatSpend: Float64Array;
  /**
   * How many of those repeat occasions repeatSpend covers: the ones whose every order is in the
   * workspace's currency. An occasion with an order in another currency counts as a purchase but has no
   * known value (Storona does not convert currencies).
   */
  valuedX: Float64Array;
  /** The same up to the holdout cut-off, and repeat occasions after it (zeros without a cut-off). */
  xCut: Float64Array;
  lastCut: Float64Array;
  holdoutX: Float64Array;
  /** The same up to the previous period's end. */
  xPrevious: Float64Array;
  lastPrevious: Float64Array;
  /** Value of all occasions from revenueFrom to end (the trial included). */
  revenue12m: Float64Array;
  /** Repeat occasions per day of customers who started by the cut-off (for the tracking chart). */
  repeatsByDay: Map<number, number>;
  /** Occasions (trials included) with an order in another currency than the workspace's. */
  unvaluedOccasions: number;
};

export type PreviousSummary = {
  /** Index into the main summary of each customer who had started by then. */
  index: Int32Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
};

/**
 * Folds occasions (customer, day, value), sorted by customer and then day, into the aggregates: one pass,
 * constant work per occasion, memory per customer only. Days after `end` are ignored.
 */
export function occasionAccumulator(days: AggregateDays) {
  const cut = days.cutoff ?? days.end;
  const cols: Record<Exclude<keyof CustomerAggregates, "repeatsByDay" | "unvaluedOccasions">, number[]> = {
    customerId: [],
    firstDay: [],
    lastDay: [],
    x: [],
    lastRepeat: [],
    repeatSpend: [],
    valuedX: [],
    xCut: [],
    lastCut: [],
    holdoutX: [],
    xPrevious: [],
    lastPrevious: [],
    revenue12m: [],
  };
  const repeatsByDay = new Map<number, number>();
  let unvaluedOccasions = 0;
  // The customer being folded; NaN marks "none yet" and "no such purchase".
  let c = { id: Number.NaN, first: 0, last: 0, x: 0, lastRepeat: Number.NaN, spend: 0, valued: 0 };
  let cutState = { x: 0, last: Number.NaN, holdout: 0 };
  let prevState = { x: 0, last: Number.NaN };
  let revenue = 0;
  const flush = () => {
    if (Number.isNaN(c.id)) return;
    cols.customerId.push(c.id);
    cols.firstDay.push(c.first);
    cols.lastDay.push(c.last);
    cols.x.push(c.x);
    cols.lastRepeat.push(c.lastRepeat);
    cols.repeatSpend.push(c.spend);
    cols.valuedX.push(c.valued);
    cols.xCut.push(cutState.x);
    cols.lastCut.push(cutState.last);
    cols.holdoutX.push(cutState.holdout);
    cols.xPrevious.push(prevState.x);
    cols.lastPrevious.push(prevState.last);
    cols.revenue12m.push(revenue);
  };
  return {
    /**
     * One occasion: `value` is what its orders in the workspace's currency came to; `valued` says whether
     * that is all of it (no order of the occasion in another currency).
     */
    add(customerId: number, day: number, value: number, valued = true): void {
      if (day > days.end) return;
      if (!valued) unvaluedOccasions++;
      if (customerId !== c.id) {
        flush();
        c = { id: customerId, first: day, last: day, x: 0, lastRepeat: Number.NaN, spend: 0, valued: 0 };
        cutState = { x: 0, last: Number.NaN, holdout: 0 };
        prevState = { x: 0, last: Number.NaN };
        revenue = 0;
      } else {
        // A repeat occasion: counted up to the as-of day, the cut-off and the previous period's end.
        c.last = day;
        c.x++;
        c.lastRepeat = day;
        if (valued) {
          c.spend += value;
          c.valued++;
        }
        if (day <= cut) {
          cutState.x++;
          cutState.last = day;
        }
        if (day <= days.previous) {
          prevState.x++;
          prevState.last = day;
        }
        if (days.cutoff !== null && c.first <= days.cutoff) {
          repeatsByDay.set(day, (repeatsByDay.get(day) ?? 0) + 1);
        }
      }
      if (day > cut) cutState.holdout++;
      if (day >= days.revenueFrom) revenue += value;
    },
    finish(): CustomerAggregates {
      flush();
      c.id = Number.NaN;
      const out = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)]));
      return {
        ...(out as Omit<CustomerAggregates, "repeatsByDay" | "unvaluedOccasions">),
        repeatsByDay,
        unvaluedOccasions,
      };
    },
  };
}

const emptySummary = (
  unit: TimeUnit,
  calibrationEndDay: number,
  holdoutEndDay: number | null,
): RfmSummary => ({
  customerIds: [],
  x: new Float64Array(0),
  tx: new Float64Array(0),
  T: new Float64Array(0),
  meanSpend: new Float64Array(0),
  firstDay: new Float64Array(0),
  holdoutX: new Float64Array(0),
  unit,
  calibrationEndDay,
  holdoutEndDay,
  repeatsByDay: new Map(),
});

/** Whether a day marks a real purchase (the SQL's NULL arrives as NaN). */
const has = (day: number): boolean => !Number.isNaN(day);

/** The summary as of `end`: every customer, with mean repeat spend for the spend model. */
export function mainSummary(
  agg: CustomerAggregates,
  days: AggregateDays,
  unit: TimeUnit = "weeks",
): RfmSummary {
  const n = agg.customerId.length;
  const per = DAYS_PER_UNIT[unit];
  const s = emptySummary(unit, days.end, null);
  s.customerIds = Array.from(agg.customerId, (id) => String(id));
  s.x = Float64Array.from(agg.x);
  s.tx = new Float64Array(n);
  s.T = new Float64Array(n);
  s.meanSpend = new Float64Array(n);
  s.spendX = Float64Array.from(agg.valuedX);
  s.firstDay = Float64Array.from(agg.firstDay);
  s.holdoutX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const first = agg.firstDay[i] as number;
    const x = agg.x[i] as number;
    const valued = agg.valuedX[i] as number;
    const last = agg.lastRepeat[i] as number;
    s.tx[i] = x > 0 && has(last) ? (last - first) / per : 0;
    s.T[i] = (days.end - first) / per;
    s.meanSpend[i] = valued > 0 ? (agg.repeatSpend[i] as number) / valued : 0;
  }
  return s;
}

/** The holdout check's summary: customers who started by the cut-off, calibrated to it. */
export function holdoutSummary(
  agg: CustomerAggregates,
  days: AggregateDays,
  unit: TimeUnit = "weeks",
): RfmSummary | null {
  const cutoff = days.cutoff;
  if (cutoff === null) return null;
  const per = DAYS_PER_UNIT[unit];
  const keep: number[] = [];
  for (let i = 0; i < agg.customerId.length; i++) if ((agg.firstDay[i] as number) <= cutoff) keep.push(i);
  const s = emptySummary(unit, cutoff, days.end);
  const col = (f: (i: number) => number) => Float64Array.from(keep, f);
  s.customerIds = keep.map((i) => String(agg.customerId[i]));
  s.x = col((i) => agg.xCut[i] as number);
  s.tx = col((i) => {
    const x = agg.xCut[i] as number;
    const last = agg.lastCut[i] as number;
    return x > 0 && has(last) ? (last - (agg.firstDay[i] as number)) / per : 0;
  });
  s.T = col((i) => (cutoff - (agg.firstDay[i] as number)) / per);
  s.meanSpend = new Float64Array(keep.length); // the holdout check is about purchases only
  s.firstDay = col((i) => agg.firstDay[i] as number);
  s.holdoutX = col((i) => agg.holdoutX[i] as number);
  s.repeatsByDay = agg.repeatsByDay;
  return s;
}

/** (x, t_x, T) one period earlier, for the customers who had started by then. */
export function previousSummary(
  agg: CustomerAggregates,
  days: AggregateDays,
  unit: TimeUnit = "weeks",
): PreviousSummary {
  const per = DAYS_PER_UNIT[unit];
  const index: number[] = [];
  for (let i = 0; i < agg.customerId.length; i++) {
    if ((agg.firstDay[i] as number) <= days.previous) index.push(i);
  }
  const pick = (f: (i: number) => number) => Float64Array.from(index, f);
  return {
    index: Int32Array.from(index),
    x: pick((i) => agg.xPrevious[i] as number),
    tx: pick((i) => {
      const x = agg.xPrevious[i] as number;
      const last = agg.lastPrevious[i] as number;
      return x > 0 && has(last) ? (last - (agg.firstDay[i] as number)) / per : 0;
    }),
    T: pick((i) => (days.previous - (agg.firstDay[i] as number)) / per),
  };
}

/**
 * The holdout cut-off: a given day, or by default the start of the last quarter of the data span. Null
 * (no check) when the span is under eight weeks or the calibration part would be under four weeks, too
 * little to fit on and to judge by.
 */
export function holdoutCutoffDay(
  firstDay: number,
  endDay: number,
  given: number | null,
): { cutoff: number | null; reason: "too_short" | "cutoff_outside_data" | null } {
  if (given !== null) {
    if (given <= firstDay || given >= endDay) return { cutoff: null, reason: "cutoff_outside_data" };
    return { cutoff: given, reason: null };
  }
  const span = endDay - firstDay;
  const cutoff = endDay - Math.round(span / 4);
  if (span < 56 || cutoff - firstDay < 28) return { cutoff: null, reason: "too_short" };
  return { cutoff, reason: null };
}

/** Day number ↔ ISO date (the days are already in the workspace's zone). */
export const dayToIso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const isoToDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
