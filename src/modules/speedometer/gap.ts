import { computeCci } from "./cci.ts";
import { componentsOf } from "./components.ts";
import type { Weights } from "./settings.ts";
import { nps } from "./stated.ts";
import type { MonthCounts } from "./types.ts";

/**
 * The say–do gap (DOMAIN.md): slices of the business ranked by what customers do (CCI) and by what they
 * say (NPS). Among the rows that have both, a row "disagrees" when its positions in the two rankings,
 * (rank − 1) / (rows − 1), are more than half the ranking apart: of two rows, a swap; of four, first by one
 * and third or fourth by the other.
 */
export type GapRow = {
  value: string;
  label: string;
  cci: { value: number | null; lower: number | null; upper: number | null; enough: boolean };
  cciRank: number | null;
  nps: { value: number | null; lower: number | null; upper: number | null; n: number; enough: boolean };
  npsRank: number | null;
  disagree: boolean;
};

export const DISAGREEMENT = 0.5;

/** Standard competition ranking (1, 2, 2, 4), best (highest) first; null where the value is missing. */
export function rank(values: ReadonlyArray<number | null>): Array<number | null> {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

export function gapRows(
  slices: ReadonlyArray<{ value: string; label: string; counts: MonthCounts }>,
  weights: Weights,
): GapRow[] {
  const rows = slices.map((s) => {
    const c = computeCci(componentsOf(s.counts), weights);
    const n = nps(s.counts);
    return {
      value: s.value,
      label: s.label,
      cci: { value: c.value, lower: c.lower, upper: c.upper, enough: c.enough },
      nps: { value: n.value, lower: n.lower, upper: n.upper, n: n.n, enough: n.enough },
    };
  });
  const cciRanks = rank(rows.map((r) => r.cci.value));
  const npsRanks = rank(rows.map((r) => r.nps.value));
  // Disagreement is judged among the rows that have both scores, so both rankings have the same length.
  const both = rows.map((r) => r.cci.value !== null && r.nps.value !== null);
  const k = both.filter(Boolean).length;
  const cciBoth = rank(rows.map((r, i) => (both[i] ? r.cci.value : null)));
  const npsBoth = rank(rows.map((r, i) => (both[i] ? r.nps.value : null)));
  const out = rows.map((r, i): GapRow => {
    const a = cciBoth[i] ?? null;
    const b = npsBoth[i] ?? null;
    return {
      ...r,
      cciRank: cciRanks[i] ?? null,
      npsRank: npsRanks[i] ?? null,
      disagree: k >= 2 && a !== null && b !== null && Math.abs(a - b) / (k - 1) > DISAGREEMENT,
    };
  });
  // Best by behaviour first; slices without a CCI at the end, by name.
  return out.sort(
    (x, y) =>
      (x.cciRank ?? Number.POSITIVE_INFINITY) - (y.cciRank ?? Number.POSITIVE_INFINITY) ||
      x.label.localeCompare(y.label),
  );
}
