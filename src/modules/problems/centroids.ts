import { createRandom } from "../../platform/stats/random.ts";
import { type Csr, type SparseVector, sparseFromDense, truncateUnit } from "./sparse.ts";

/**
 * Centroids of clusters of sparse rows (the normalised mean of the members, cut to its largest entries),
 * and k-means++ seeding for the baseline.
 */

export type ClusterSums = {
  /** Unit centroids cut to `limit` entries. */
  readonly centroids: SparseVector[];
  /** Untruncated sums of member rows. */
  readonly sums: SparseVector[];
  readonly sizes: Int32Array;
};

/** Members of each cluster (label −1 is skipped), by counting sort. */
export function membersOf(label: Int32Array, k: number): Int32Array[] {
  const counts = new Int32Array(k);
  for (const l of label) if (l >= 0) counts[l]!++;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(k);
  label.forEach((l, i) => {
    if (l >= 0) out[l]![fill[l]!++] = i;
  });
  return out;
}

export function clusterSums(m: Csr, label: Int32Array, k: number, limit: number): ClusterSums {
  const members = membersOf(label, k);
  const acc = new Float64Array(m.cols);
  const stamp = new Uint8Array(m.cols);
  const centroids: SparseVector[] = [];
  const sums: SparseVector[] = [];
  for (let c = 0; c < k; c++) {
    const touched: number[] = [];
    for (const i of members[c]!) {
      for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) {
        const j = m.idx[p]!;
        if (stamp[j] === 0) {
          stamp[j] = 1;
          touched.push(j);
        }
        acc[j]! += m.val[p]!;
      }
    }
    const sum = sparseFromDense(acc, touched);
    for (const j of touched) {
      acc[j] = 0;
      stamp[j] = 0;
    }
    sums.push(sum);
    centroids.push(truncateUnit(sum, limit));
  }
  return { centroids, sums, sizes: Int32Array.from(members, (x) => x.length) };
}

/** k-means++ seeding (Arthur & Vassilvitskii 2007) with the squared chord distance 2(1 − cos). */
export function seedRows(m: Csr, k: number, seed: number): number[] {
  const rng = createRandom(seed);
  const n = m.rows;
  const best = new Float32Array(n);
  const dense = new Float32Array(m.cols);
  const chosen: number[] = [];
  let next = rng.int(n);
  for (let c = 0; c < Math.min(k, n); c++) {
    chosen.push(next);
    for (let p = m.ptr[next]!; p < m.ptr[next + 1]!; p++) dense[m.idx[p]!] = m.val[p]!;
    let total = 0;
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) s += m.val[p]! * dense[m.idx[p]!]!;
      if (c === 0 || s > best[i]!) best[i] = s;
      const d = Math.max(0, 1 - best[i]!);
      weight[i] = d;
      total += d;
    }
    for (let p = m.ptr[next]!; p < m.ptr[next + 1]!; p++) dense[m.idx[p]!] = 0;
    if (total <= 0) break;
    let r = rng.uniform() * total;
    next = n - 1;
    for (let i = 0; i < n; i++) {
      r -= weight[i]!;
      if (r <= 0) {
        next = i;
        break;
      }
    }
  }
  return chosen;
}
