import { countProportion, MIN_SAMPLE, Z95 } from "./proportion.ts";
import type { Proportion, StatedCounts } from "./types.ts";

export type Nps = {
  /** −100…100, or null below the minimum sample. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  enough: boolean;
};

export type MeanScore = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  sum: number;
  enough: boolean;
};

/**
 * DOMAIN.md Stated: NPS = % promoters (9–10) − % detractors (0–6). Interval: adjusted Wald for a
 * difference of two multinomial shares, Var = (p₊ + p₋ − (p₊ − p₋)²)/n, computed with one pseudo-answer
 * added to each of the three categories (after Agresti & Coull 1998) so that n = 30 all-promoters does
 * not claim a zero-width interval; the reported value is the plain NPS and always lies inside.
 */
export function nps(c: StatedCounts): Nps {
  const n = c.npsN;
  const base = {
    n,
    promoters: c.npsPromoters,
    passives: n - c.npsPromoters - c.npsDetractors,
    detractors: c.npsDetractors,
  };
  if (n < MIN_SAMPLE) return { ...base, value: null, lower: null, upper: null, enough: false };
  const value = (100 * (c.npsPromoters - c.npsDetractors)) / n;
  const na = n + 3;
  const pp = (c.npsPromoters + 1) / na;
  const pd = (c.npsDetractors + 1) / na;
  const centre = pp - pd;
  const half = Z95 * Math.sqrt(Math.max(0, pp + pd - centre * centre) / na);
  return {
    ...base,
    value,
    lower: Math.min(value, Math.max(-100, 100 * (centre - half))),
    upper: Math.max(value, Math.min(100, 100 * (centre + half))),
    enough: true,
  };
}

/** DOMAIN.md Stated: CSAT = share of answers 4–5 (of 1–5), with its Wilson interval. */
export const csat = (c: StatedCounts): Proportion => countProportion(c.csatGood, c.csatN);

/** DOMAIN.md Stated: CES mean (1–7) with a normal interval from the sample variance, clamped to the scale. */
export function ces(c: StatedCounts): MeanScore {
  const n = c.cesN;
  if (n < MIN_SAMPLE) return { value: null, lower: null, upper: null, n, sum: c.cesSum, enough: false };
  const mean = c.cesSum / n;
  const variance = Math.max(0, (c.cesSumSq - n * mean * mean) / (n - 1));
  const half = Z95 * Math.sqrt(variance / n);
  return {
    value: mean,
    lower: Math.max(1, mean - half),
    upper: Math.min(7, mean + half),
    n,
    sum: c.cesSum,
    enough: true,
  };
}
