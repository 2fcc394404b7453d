import { createRandom } from "../../platform/stats/random.ts";
import type { Matrix } from "./kmeans.ts";

/**
 * Mean silhouette (Rousseeuw 1987): for each row, a = mean Euclidean distance to the other rows of its own
 * cluster, b = the smallest mean distance to the rows of another cluster, s = (b − a) / max(a, b); a row alone
 * in its cluster has s = 0. O(n²): on large bases it is taken on a seeded sample of rows (as scikit-learn's
 * sample_size does), which estimates the same mean.
 */
export function silhouette(
  m: Matrix,
  labels: ArrayLike<number>,
  k: number,
  sampleSize = Infinity,
  seed = 7,
): number {
  const { n, d, data } = m;
  let rows: number[];
  if (n <= sampleSize) rows = Array.from({ length: n }, (_, i) => i);
  else {
    // partial Fisher–Yates: the first sampleSize of a seeded shuffle
    const rnd = createRandom(seed);
    const idx = Uint32Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < sampleSize; i++) {
      const j = i + rnd.int(n - i);
      const t = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = t;
    }
    rows = Array.from(idx.subarray(0, sampleSize)).sort((a, b) => a - b);
  }
  const s = rows.length;
  const lab = rows.map((i) => labels[i]!);
  const count = new Float64Array(k);
  for (const l of lab) count[l]!++;
  const sum = new Float64Array(k);
  let total = 0;
  for (let x = 0; x < s; x++) {
    sum.fill(0);
    const xi = rows[x]! * d;
    for (let y = 0; y < s; y++) {
      if (y === x) continue;
      const yi = rows[y]! * d;
      let q = 0;
      for (let t = 0; t < d; t++) {
        const v = data[xi + t]! - data[yi + t]!;
        q += v * v;
      }
      sum[lab[y]!]! += Math.sqrt(q);
    }
    const own = lab[x]!;
    if (count[own]! <= 1) continue; // s = 0
    const a = sum[own]! / (count[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) if (j !== own && count[j]! > 0) b = Math.min(b, sum[j]! / count[j]!);
    if (!Number.isFinite(b)) continue;
    const den = Math.max(a, b);
    total += den === 0 ? 0 : (b - a) / den;
  }
  return s === 0 ? 0 : total / s;
}
