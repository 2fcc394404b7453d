import { wilsonInterval } from "../../platform/stats/intervals.ts";
import type { Proportion } from "./types.ts";

/** DOMAIN.md: "fewer than 30 in the denominator reads 'not enough data', never a number". */
export const MIN_SAMPLE = 30;

/** The z of a two-sided 95% interval; the SE of an estimate is recovered from its interval with it. */
export const Z95 = 1.959963984540054;

/**
 * A count proportion (customers, orders): numerator of denominator, with the 95% Wilson interval
 * (DOMAIN.md: "every proportion is shown with a 95% Wilson interval and its sample size").
 */
export function countProportion(numerator: number, denominator: number): Proportion {
  return build(numerator, denominator, denominator, denominator);
}

/**
 * A money-weighted share (full price: share of revenue paid at full price). Its interval is Wilson's at
 * Kish's effective sample size n_eff = (Σa)² / Σa² (Kish 1965): equal amounts give n_eff = n orders, one
 * dominant order gives n_eff ≈ 1, so a few large orders cannot fake certainty. The "enough" rule counts orders.
 */
export function revenueShare(
  fullRevenue: number,
  revenue: number,
  orders: number,
  revenueSq: number,
): Proportion {
  const effectiveN = revenue > 0 && revenueSq > 0 ? (revenue * revenue) / revenueSq : 0;
  return build(fullRevenue, revenue, orders, effectiveN);
}

/**
 * A proportion pooled over several overlapping measurements (repeat or recovery summed over months, where
 * one customer sits in up to `overlap` consecutive monthly cohorts): the counts stay as summed, the sample
 * size behind the interval and the 30-minimum is divided by the overlap.
 */
export function pooledProportion(numerator: number, denominator: number, overlap: number): Proportion {
  const f = Math.max(1, overlap);
  return build(numerator, denominator, denominator / f, denominator / f);
}

function build(numerator: number, denominator: number, n: number, effectiveN: number): Proportion {
  const enough = n >= MIN_SAMPLE && denominator > 0;
  if (!enough)
    return { numerator, denominator, value: null, lower: null, upper: null, n, effectiveN, enough };
  // Counts from a rollup cannot exceed their denominator, but a clamp keeps a bug from leaving [0, 1].
  const value = Math.min(1, Math.max(0, numerator / denominator));
  const w = wilsonInterval(value * effectiveN, effectiveN);
  return {
    numerator,
    denominator,
    value,
    lower: Math.min(w.lower, value),
    upper: Math.max(w.upper, value),
    n,
    effectiveN,
    enough,
  };
}

/** The standard error implied by a 95% interval (for Wilson's, a continuity-safe SE that is never 0). */
export const standardErrorOf = (p: { lower: number | null; upper: number | null }): number | null =>
  p.lower === null || p.upper === null ? null : (p.upper - p.lower) / (2 * Z95);
