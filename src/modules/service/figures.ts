import { wilsonInterval } from "../../platform/stats/intervals.ts";
import { BIN_COUNT, binnedQuantile, countQuantile } from "./percentiles.ts";
import { WAIT_CAP } from "./rollup.ts";
import type { Proportion } from "./types.ts";

/** Building blocks of the report: shares with intervals, waiting times, order waits. */

/** DOMAIN.md: fewer than 30 in the denominator reads "not enough data", never a number. */
export const MIN_SAMPLE = 30;

export function proportion(numerator: number, denominator: number): Proportion {
  const enough = denominator >= MIN_SAMPLE;
  if (!enough) return { numerator, denominator, value: null, lower: null, upper: null, enough };
  const w = wilsonInterval(numerator, denominator);
  return { numerator, denominator, value: numerator / denominator, lower: w.lower, upper: w.upper, enough };
}

/** A waiting time in hours: median and 90th percentile (percentiles.ts), mean, and how many it covers. */
export type Duration = { median: number | null; p90: number | null; mean: number | null; n: number };

const hours = (s: number | null | undefined): number | null =>
  s === null || s === undefined || Number.isNaN(s) ? null : s / 3600;

export const durationFromHistogram = (hist: ArrayLike<number>, sumSeconds: number, n: number): Duration => ({
  median: hours(binnedQuantile(hist, 0.5)),
  p90: hours(binnedQuantile(hist, 0.9)),
  mean: n > 0 ? sumSeconds / n / 3600 : null,
  n,
});

export const durationExact = (q: number[] | null, sumSeconds: number, n: number): Duration => ({
  median: n > 0 ? hours(q?.[0]) : null,
  p90: n > 0 ? hours(q?.[1]) : null,
  mean: n > 0 ? sumSeconds / n / 3600 : null,
  n,
});

export const zeros = (n: number): number[] => new Array<number>(n).fill(0);
export const emptyHistogram = (): number[] => zeros(BIN_COUNT);

/** Wait lengths grouped the way people think of them; the last one starts at the rollup's cap. */
export const WAIT_BUCKETS: ReadonlyArray<{ label: string; from: number; to: number | null }> = [
  { label: "0", from: 0, to: 0 },
  { label: "1", from: 1, to: 1 },
  { label: "2–3", from: 2, to: 3 },
  { label: "4–7", from: 4, to: 7 },
  { label: "8–14", from: 8, to: 14 },
  { label: "15–30", from: 15, to: 30 },
  { label: `31–${WAIT_CAP - 1}`, from: 31, to: WAIT_CAP - 1 },
  { label: `${WAIT_CAP}+`, from: WAIT_CAP, to: null },
];

export type WaitCounts = {
  waitDays: number;
  orders: number;
  completed: number;
  cancelled: number;
  returned: number;
};

export type OrderWaits = {
  orders: number;
  /** Orders where the customer was asked to wait (wait_days > 0), of all orders. */
  waited: Proportion;
  /** Among orders with a wait: exact type-7 percentiles of wait_days (capped at 60). */
  medianWaitDays: number | null;
  p90WaitDays: number | null;
  distribution: WaitCounts[];
  /**
   * Cancellation rate by wait: cancelled of (completed + cancelled), as DOMAIN.md's wait tolerance counts it
   * (returns are neither a cancellation nor a completed wait).
   */
  buckets: Array<{
    label: string;
    from: number;
    to: number | null;
    orders: number;
    cancellation: Proportion;
  }>;
};

export function orderWaits(rows: readonly WaitCounts[]): OrderWaits {
  const orders = rows.reduce((s, r) => s + r.orders, 0);
  const waitedRows = rows.filter((r) => r.waitDays > 0);
  const counts = new Map(waitedRows.map((r) => [r.waitDays, r.orders]));
  const buckets = WAIT_BUCKETS.map((b) => {
    const inside = rows.filter((r) => r.waitDays >= b.from && (b.to === null || r.waitDays <= b.to));
    const completed = inside.reduce((s, r) => s + r.completed, 0);
    const cancelled = inside.reduce((s, r) => s + r.cancelled, 0);
    return {
      ...b,
      orders: inside.reduce((s, r) => s + r.orders, 0),
      cancellation: proportion(cancelled, completed + cancelled),
    };
  });
  return {
    orders,
    waited: proportion(
      waitedRows.reduce((s, r) => s + r.orders, 0),
      orders,
    ),
    medianWaitDays: countQuantile(counts, 0.5),
    p90WaitDays: countQuantile(counts, 0.9),
    distribution: [...rows].sort((a, b) => a.waitDays - b.waitDays),
    buckets,
  };
}
