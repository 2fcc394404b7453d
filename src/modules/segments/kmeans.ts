import { createRandom, type Random } from "../../platform/stats/random.ts";

/**
 * k-means on rows of a dense matrix (n × d, row-major): k-means++ seeding (Arthur & Vassilvitskii 2007),
 * Lloyd iterations, several restarts keeping the lowest within-cluster sum of squares. Seeded, so the same
 * data gives the same clusters; clusters are then numbered canonically (largest first, ties by centroid) so
 * their numbers do not depend on which restart won.
 */

export type Matrix = { n: number; d: number; data: Float64Array };

export type KMeansResult = {
  k: number;
  /** k × d, row-major */
  centroids: Float64Array;
  /** cluster of each row */
  labels: Uint8Array;
  sizes: number[];
  /** within-cluster sum of squared distances */
  inertia: number;
  iterations: number;
};

export type KMeansOptions = { seed?: number; restarts?: number; maxIterations?: number; tolerance?: number };

function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const ai = i * d;
  const bj = j * d;
  for (let t = 0; t < d; t++) {
    const x = a[ai + t]! - b[bj + t]!;
    s += x * x;
  }
  return s;
}

/** k-means++: the first centre uniformly, each next one with probability ∝ squared distance to the nearest. */
export function seedPlusPlus(m: Matrix, k: number, rnd: Random): Float64Array {
  const { n, d, data } = m;
  const c = new Float64Array(k * d);
  const first = rnd.int(n);
  c.set(data.subarray(first * d, first * d + d), 0);
  const near = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    near[i] = sqDist(data, i, c, 0, d);
    total += near[i]!;
  }
  for (let j = 1; j < k; j++) {
    let pick = rnd.int(n);
    if (total > 0) {
      let u = rnd.uniform() * total;
      for (let i = 0; i < n; i++) {
        u -= near[i]!;
        if (u <= 0) {
          pick = i;
          break;
        }
      }
    }
    c.set(data.subarray(pick * d, pick * d + d), j * d);
    total = 0;
    for (let i = 0; i < n; i++) {
      const dist = sqDist(data, i, c, j, d);
      if (dist < near[i]!) near[i] = dist;
      total += near[i]!;
    }
  }
  return c;
}

/** Assigns each row to its nearest centre; returns the sum of squared distances. */
export function assign(m: Matrix, centroids: Float64Array, k: number, labels: Uint8Array): number {
  const { n, d, data } = m;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      const dist = sqDist(data, i, centroids, j, d);
      if (dist < bestD) {
        bestD = dist;
        best = j;
      }
    }
    labels[i] = best;
    inertia += bestD;
  }
  return inertia;
}

/** Lloyd's iterations from the given centres (changed in place) until the inertia stops improving. */
export function lloyd(
  m: Matrix,
  k: number,
  centroids: Float64Array,
  o: { maxIterations?: number; tolerance?: number } = {},
): KMeansResult {
  const { n, d, data } = m;
  const labels = new Uint8Array(n);
  const maxIt = o.maxIterations ?? 100;
  const tol = o.tolerance ?? 1e-6;
  let inertia = assign(m, centroids, k, labels);
  let it = 0;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (; it < maxIt; it++) {
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const l = labels[i]!;
      counts[l]!++;
      const off = l * d;
      const row = i * d;
      for (let t = 0; t < d; t++) sums[off + t]! += data[row + t]!;
    }
    for (let j = 0; j < k; j++) {
      // an emptied cluster keeps its centre (k-means++ seeding makes this rare)
      if (counts[j]! === 0) continue;
      for (let t = 0; t < d; t++) centroids[j * d + t] = sums[j * d + t]! / counts[j]!;
    }
    const next = assign(m, centroids, k, labels);
    const done = inertia - next <= tol * Math.max(1, inertia);
    inertia = next;
    if (done) break;
  }
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  return { k, centroids, labels, sizes, inertia, iterations: it + 1 };
}

/** Renumbers clusters largest first (ties: smaller centroid, coordinate by coordinate). */
export function canonical(r: KMeansResult, d: number): KMeansResult {
  const order = Array.from({ length: r.k }, (_, j) => j).sort((a, b) => {
    if (r.sizes[b]! !== r.sizes[a]!) return r.sizes[b]! - r.sizes[a]!;
    for (let t = 0; t < d; t++) {
      const x = r.centroids[a * d + t]! - r.centroids[b * d + t]!;
      if (x !== 0) return x;
    }
    return a - b;
  });
  const newOf = new Uint8Array(r.k);
  order.forEach((old, i) => {
    newOf[old] = i;
  });
  const centroids = new Float64Array(r.k * d);
  order.forEach((old, i) => {
    centroids.set(r.centroids.subarray(old * d, old * d + d), i * d);
  });
  const labels = r.labels.map((l) => newOf[l]!);
  return { ...r, centroids, labels, sizes: order.map((old) => r.sizes[old]!) };
}

export function kmeans(m: Matrix, k: number, o: KMeansOptions = {}): KMeansResult {
  if (k < 1 || k > 255) throw new RangeError("k must be within 1..255");
  if (m.n < k) throw new RangeError(`k-means needs at least k = ${k} rows, got ${m.n}`);
  const rnd = createRandom(o.seed ?? 1);
  let best: KMeansResult | null = null;
  for (let r = 0; r < (o.restarts ?? 5); r++) {
    const result = lloyd(m, k, seedPlusPlus(m, k, rnd), o);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return canonical(best!, m.d);
}
