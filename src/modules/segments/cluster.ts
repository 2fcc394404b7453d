import { createRandom } from "../../platform/stats/random.ts";
import { canonical, type KMeansResult, kmeans, lloyd, type Matrix } from "./kmeans.ts";
import { silhouette } from "./silhouette.ts";

/**
 * Behavioural segments: k-means for every k in 2–10, the k with the highest mean silhouette wins (the
 * smaller k on a tie). On a large base each k is fitted on a seeded sample of rows and scored by the
 * silhouette of a smaller sample; the winner's centres then take a few Lloyd steps over every row. All
 * seeded, so the same data gives the same segments.
 */

export type ClusterOptions = {
  minK?: number;
  maxK?: number;
  restarts?: number;
  seed?: number;
  /** rows k-means is fitted on when choosing k */
  fitSample?: number;
  /** rows the silhouette is taken on */
  silhouetteSample?: number;
};

export type ClusterOutcome = {
  result: KMeansResult;
  /** mean silhouette per k tried */
  scores: Array<{ k: number; silhouette: number }>;
};

/** Fewer customers than this are not clustered: a "segment" of three people describes nobody. */
export const MIN_CUSTOMERS = 20;

function sampleRows(m: Matrix, size: number, seed: number): Matrix {
  if (m.n <= size) return m;
  const rnd = createRandom(seed);
  const idx = Uint32Array.from({ length: m.n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rnd.int(m.n - i);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const rows = idx.subarray(0, size).sort();
  const data = new Float64Array(size * m.d);
  for (let r = 0; r < size; r++) data.set(m.data.subarray(rows[r]! * m.d, rows[r]! * m.d + m.d), r * m.d);
  return { n: size, d: m.d, data };
}

export function clusterCustomers(m: Matrix, o: ClusterOptions = {}): ClusterOutcome | null {
  if (m.n < MIN_CUSTOMERS || m.d === 0) return null;
  const seed = o.seed ?? 2024;
  const minK = o.minK ?? 2;
  const maxK = Math.min(o.maxK ?? 10, Math.floor(m.n / 2));
  const fit = sampleRows(m, o.fitSample ?? 6_000, seed);
  const scores: ClusterOutcome["scores"] = [];
  let best: { k: number; s: number; r: KMeansResult } | null = null;
  for (let k = minK; k <= maxK; k++) {
    const r = kmeans(fit, k, { seed: seed + k, restarts: o.restarts ?? 3, maxIterations: 50 });
    const s = silhouette(fit, r.labels, k, o.silhouetteSample ?? 1_500, seed);
    scores.push({ k, silhouette: s });
    if (!best || s > best.s + 1e-12) best = { k, s, r };
  }
  if (!best) return null;
  if (fit === m) return { result: best.r, scores };
  const full = lloyd(m, best.k, Float64Array.from(best.r.centroids), { maxIterations: 10 });
  return { result: canonical(full, m.d), scores };
}
