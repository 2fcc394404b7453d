import type { Matrix } from "./kmeans.ts";

/**
 * The behaviour each customer is clustered on, one column per feature (NaN where a customer has no data for
 * it: no order ever waited, no NPS answer, no CLV yet). Definitions (docs/decisions/0008-segments.md):
 * - recency: days from the customer's last completed order to the workspace's last one;
 * - frequency: completed orders; monetary: money paid on them (minor units);
 * - discount share: share of that money paid below full price (amount < list_amount);
 * - channel mix: Gini–Simpson diversity of the order channels, 1 − Σ p_c² (0 = one channel only);
 * - wait tolerance: of the orders where the customer was asked to wait, the share completed;
 * - complaint rate: complaints per completed order;
 * - NPS: the customer's latest answer, 0–10; CLV: customer_value.clv from the money module.
 */
export const FEATURES = [
  "recency",
  "frequency",
  "monetary",
  "discountShare",
  "channelMix",
  "waitTolerance",
  "complaintRate",
  "nps",
  "clv",
] as const;
export type Feature = (typeof FEATURES)[number];

export type FeatureColumns = Record<Feature, Float64Array>;

/** Counts and money are heavily right-skewed: clustered on log(1 + x) so one big spender is not a segment. */
const LOGGED: ReadonlySet<Feature> = new Set(["frequency", "monetary", "clv", "complaintRate"]);

export type Standardised = {
  matrix: Matrix;
  /** the features that entered the matrix (all-missing or constant ones are left out) */
  used: Feature[];
  /** per used feature, the mean and standard deviation of the transformed values */
  mean: number[];
  sd: number[];
};

export const transform = (f: Feature, x: number): number => (LOGGED.has(f) ? Math.log1p(Math.max(0, x)) : x);

/**
 * z-scores of the transformed features; a missing value becomes the mean (z = 0), so it pulls no customer
 * toward any segment. Features missing for everyone, or equal for everyone, are left out.
 */
export function standardise(cols: FeatureColumns, n: number): Standardised {
  const used: Feature[] = [];
  const mean: number[] = [];
  const sd: number[] = [];
  for (const f of FEATURES) {
    const c = cols[f];
    let s = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      if (Number.isNaN(v)) continue;
      s += transform(f, v);
      k++;
    }
    if (k === 0) continue;
    const mu = s / k;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      if (Number.isNaN(v)) continue;
      const x = transform(f, v) - mu;
      q += x * x;
    }
    const sigma = Math.sqrt(q / k);
    if (!(sigma > 1e-12)) continue;
    used.push(f);
    mean.push(mu);
    sd.push(sigma);
  }
  const d = used.length;
  const data = new Float64Array(n * d);
  used.forEach((f, t) => {
    const c = cols[f];
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      data[i * d + t] = Number.isNaN(v) ? 0 : (transform(f, v) - mean[t]!) / sd[t]!;
    }
  });
  return { matrix: { n, d, data }, used, mean, sd };
}

/** Mean of each feature over the rows where `take(i)` holds, NaNs skipped; null where nobody has a value. */
export function featureMeans(
  cols: FeatureColumns,
  n: number,
  take: (i: number) => boolean = () => true,
): Record<Feature, number | null> {
  const out = {} as Record<Feature, number | null>;
  for (const f of FEATURES) {
    const c = cols[f];
    let s = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (!take(i)) continue;
      const v = c[i]!;
      if (Number.isNaN(v)) continue;
      s += v;
      k++;
    }
    out[f] = k === 0 ? null : s / k;
  }
  return out;
}

/** Per cluster and feature, the mean in raw units (one pass over the rows). */
export function clusterMeans(
  cols: FeatureColumns,
  n: number,
  labels: ArrayLike<number>,
  k: number,
): Array<Record<Feature, number | null>> {
  const out = Array.from({ length: k }, () => ({}) as Record<Feature, number | null>);
  for (const f of FEATURES) {
    const c = cols[f];
    const s = new Float64Array(k);
    const m = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      if (Number.isNaN(v)) continue;
      const l = labels[i]!;
      s[l]! += v;
      m[l]!++;
    }
    for (let j = 0; j < k; j++) out[j]![f] = m[j]! === 0 ? null : s[j]! / m[j]!;
  }
  return out;
}

export function emptyColumns(n: number): FeatureColumns {
  const out = {} as FeatureColumns;
  for (const f of FEATURES) out[f] = new Float64Array(n).fill(Number.NaN);
  return out;
}
