import { quantileSorted } from "../../platform/stats/intervals.ts";

/**
 * Percentiles of waiting times.
 *
 * Definition (everywhere in the module): the type-7 quantile of Hyndman & Fan (1996), i.e. linear
 * interpolation between the closest ranks: with n values sorted ascending, q-th quantile = x[h] + (h −
 * ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) where h = (n − 1)q on 0-based ranks. It is PostgreSQL's percentile_cont, R's
 * default and Excel's PERCENTILE.INC; the median of 1, 2, 10, 40 is 6, its p90 is 31.
 *
 * Small selections are computed exactly from the per-request facts. Large ones come from duration
 * histograms kept in the rollups (`binnedQuantile`), whose error is bounded by one bin: 1/8 of a doubling
 * (≈ 9 %) at worst, far less in practice because values are spread evenly within their bin.
 */

export const quantile = (sorted: readonly number[], q: number): number | null =>
  sorted.length === 0 ? null : quantileSorted(sorted, q);

/** Bin 0 holds [0, 60 s); bin k ≥ 1 holds [60·2^((k−1)/8), 60·2^(k/8)) s; the last bin is open-ended. */
export const BINS_PER_DOUBLING = 8;
export const FIRST_EDGE_S = 60;
/** 20 doublings above a minute reach 728 days; the last bin takes anything longer. */
export const BIN_COUNT = 20 * BINS_PER_DOUBLING + 2;

const edges: number[] = [0];
for (let k = 1; k < BIN_COUNT; k++) edges.push(FIRST_EDGE_S * 2 ** ((k - 1) / BINS_PER_DOUBLING));

/** Lower edge of bin k in seconds. */
export const binLower = (k: number): number => edges[k] as number;

export function binOf(seconds: number): number {
  if (seconds < FIRST_EDGE_S) return 0;
  let k = Math.floor(Math.log2(seconds / FIRST_EDGE_S) * BINS_PER_DOUBLING) + 1;
  // Guard the floating-point edge cases so that binLower(k) ≤ seconds < binLower(k + 1).
  if (k > 1 && seconds < (edges[k] as number)) k--;
  if (k + 1 < BIN_COUNT && seconds >= (edges[k + 1] as number)) k++;
  return Math.min(k, BIN_COUNT - 1);
}

/**
 * The type-7 quantile of the sample a histogram stands for, reading the c values of bin [lo, hi) as
 * spread evenly at lo + (j + ½)(hi − lo)/c. The open-ended last bin puts its values at its lower edge.
 */
export function binnedQuantile(counts: ArrayLike<number>, q: number): number | null {
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k] as number;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = valueAtRank(counts, lo);
  if (h === lo) return a;
  return a + (h - lo) * (valueAtRank(counts, lo + 1) - a);
}

function valueAtRank(counts: ArrayLike<number>, rank: number): number {
  let seen = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k] as number;
    if (rank < seen + c) {
      const lower = binLower(k);
      if (k === BIN_COUNT - 1) return lower;
      const width = binLower(k + 1) - lower;
      return lower + ((rank - seen + 0.5) / c) * width;
    }
    seen += c;
  }
  return binLower(counts.length - 1);
}

/**
 * The exact type-7 quantile of whole-number data given as value → count (such as wait_days), without
 * expanding it.
 */
export function countQuantile(counts: ReadonlyMap<number, number>, q: number): number | null {
  const values = [...counts.keys()].filter((v) => (counts.get(v) ?? 0) > 0).sort((a, b) => a - b);
  const n = values.reduce((s, v) => s + (counts.get(v) ?? 0), 0);
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const at = (rank: number): number => {
    let seen = 0;
    for (const v of values) {
      seen += counts.get(v) ?? 0;
      if (rank < seen) return v;
    }
    return values[values.length - 1] as number;
  };
  const lo = Math.floor(h);
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}
