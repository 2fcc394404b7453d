/**
 * RFM: recency, frequency and monetary value scored 1–5 by quintiles of the workspace's own customers, and the
 * named RFM segments. Quintile score of a value (Hughes, "Strategic Database Marketing", the RFM method):
 *   score = 1 + ⌊5 × (customers with a strictly worse value) / n⌋,
 * where worse means a longer recency, fewer orders or less money. Equal values always share a score, so a
 * workspace where most customers bought once gives them all F = 1 rather than splitting them at random.
 */

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The score → name table: rows R = 5…1 (5 = bought most recently), columns FM = 1…5 where
 * FM = round((F + M) / 2), halves rounded up. Read "R5 FM1 → new": bought lately, once and little.
 *
 *   R\FM | 1              2                    3                    4           5
 *   5    | new            potential_loyalists  potential_loyalists  champions   champions
 *   4    | promising      potential_loyalists  potential_loyalists  loyal       champions
 *   3    | about_to_sleep about_to_sleep       need_attention       loyal       loyal
 *   2    | hibernating    hibernating          at_risk              at_risk     cant_lose
 *   1    | lost           hibernating          at_risk              cant_lose   cant_lose
 */
export const RFM_TABLE: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly RfmSegment[]>> = {
  5: ["new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
  4: ["promising", "potential_loyalists", "potential_loyalists", "loyal", "champions"],
  3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  1: ["lost", "hibernating", "at_risk", "cant_lose", "cant_lose"],
};

export type Score = 1 | 2 | 3 | 4 | 5;

/** FM = round((F + M) / 2), halves up: F 3 and M 4 give 4. */
export const fmScore = (f: Score, m: Score): Score => Math.round((f + m) / 2) as Score;

export function rfmSegment(r: Score, f: Score, m: Score): RfmSegment {
  return RFM_TABLE[r][fmScore(f, m) - 1]!;
}

/**
 * Quintile scores of `values` where larger is better (frequency, money); pass `smallerIsBetter` for recency.
 * O(n log n): one sort, then each value's count of strictly worse values by binary search.
 */
export function quintileScores(values: Float64Array, smallerIsBetter = false): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const sorted = Float64Array.from(values).sort();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // worse = strictly smaller (or strictly larger when smaller is better)
    const worse = smallerIsBetter ? n - upperBound(sorted, v) : lowerBound(sorted, v);
    out[i] = 1 + Math.floor((5 * worse) / n);
  }
  return out;
}

/** First index with sorted[i] >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with sorted[i] > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type RfmInput = {
  /** days since the customer's last completed order, as of the workspace's reference day */
  recencyDays: Float64Array;
  /** completed orders */
  frequency: Float64Array;
  /** money paid, minor units */
  monetary: Float64Array;
};

export type RfmResult = {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** index into RFM_SEGMENTS per customer */
  segment: Uint8Array;
};

export function rfm(input: RfmInput): RfmResult {
  const r = quintileScores(input.recencyDays, true);
  const f = quintileScores(input.frequency);
  const m = quintileScores(input.monetary);
  const segment = new Uint8Array(r.length);
  const index = new Map(RFM_SEGMENTS.map((s, i) => [s, i]));
  for (let i = 0; i < r.length; i++) {
    segment[i] = index.get(rfmSegment(r[i] as Score, f[i] as Score, m[i] as Score))!;
  }
  return { r, f, m, segment };
}
