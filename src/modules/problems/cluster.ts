import { createRandom } from "../../platform/stats/random.ts";
import { createAssigner, DEFAULT_ASSIGN_THRESHOLD } from "./assign.ts";
import { clusterSums, membersOf } from "./centroids.ts";
import { knnGraph } from "./knn.ts";
import { louvain } from "./louvain.ts";
import { type Csr, rowOf, type SparseVector, selectRows } from "./sparse.ts";

/**
 * Texts → problems, choosing the number of problems itself.
 *
 * One problem is said in many ways that share no word («курьер не приехал», «заказ везут уже неделю»);
 * what ties them is a chain of texts that share some (the same complaint with the same detail, a typo of
 * it, a shorter version). So the texts are a graph — each linked to its nearest neighbours by cosine —
 * and problems are its communities, found by modularity (louvain.ts), which decides how many there are.
 * A centroid method would need every pair of phrasings to be similar, which they are not. Each text also
 * links to its nearest texts in the other languages (via the glossary's concepts), so a problem written
 * in Russian, Ukrainian and English can be one community.
 *
 * Up to `sampleSize` texts build the graph; every other text joins the problem of its most similar exemplar
 * (assign.ts), so 100,000 texts cost a 20,000-node graph plus one small look-up each.
 * A community of fewer than `minSize` texts is not a problem yet: its texts stay unsorted, as do texts with
 * no neighbour at all. Everything random flows from `seed`: the same texts give the same problems.
 */

export type ClusterParams = {
  readonly seed: number;
  readonly sampleSize: number;
  readonly neighbours: number;
  /** Texts less similar than this are not neighbours. */
  readonly minSimilarity: number;
  /** Heaviest features of a text used to look for its neighbours (knn.ts). */
  readonly probe: number;
  /** A feature in more than this share of the texts is not used to look for neighbours. */
  readonly maxListShare: number;
  /** Posting-list entries one look-up may read: bounds the cost of a text made of common words. */
  readonly budget: number;
  readonly minSize: number;
  /** Neighbours each text also takes among texts in other languages. */
  readonly crossLanguage: number;
  readonly resolution: number;
  readonly centroidLimit: number;
  /** Member texts kept per problem to place new texts (assign.ts). */
  readonly exemplars: number;
  /** Least similarity to an exemplar for a text to join its problem (assign.ts). */
  readonly assignThreshold: number;
};

export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  seed: 1,
  sampleSize: 20_000,
  neighbours: 10,
  minSimilarity: DEFAULT_ASSIGN_THRESHOLD,
  probe: 30,
  maxListShare: 0.1,
  budget: 6000,
  minSize: 3,
  crossLanguage: 3,
  resolution: 1,
  centroidLimit: 400,
  exemplars: 32,
  assignThreshold: DEFAULT_ASSIGN_THRESHOLD,
};

export const UNSORTED = -1;

export type Clustering = {
  /** Cluster of each row, 0..k−1 by size (largest first), or UNSORTED. */
  readonly labels: Int32Array;
  /** Cosine of each row to its cluster's centroid (0 when unsorted). */
  readonly similarity: Float32Array;
  readonly k: number;
  /** Unit centroids, cut to `centroidLimit` entries. */
  readonly centroids: readonly SparseVector[];
  /** Varied member vectors of each cluster: the first is the member closest to the centroid. */
  readonly exemplars: readonly (readonly SparseVector[])[];
  readonly sizes: Int32Array;
  readonly diagnostics: { readonly sampled: number; readonly edges: number; readonly modularity: number };
};

/** A deterministic sample of `size` of `n` row numbers, ascending (partial Fisher–Yates). */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRandom(seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, size).sort();
}

/** `group` (optional): the language of each row, so each text also links across languages. */
export function clusterTexts(m: Csr, params: Partial<ClusterParams> = {}, group?: Uint8Array): Clustering {
  const p = { ...DEFAULT_CLUSTER_PARAMS, ...params };
  const nonEmpty: number[] = [];
  for (let i = 0; i < m.rows; i++) if (m.ptr[i + 1]! > m.ptr[i]!) nonEmpty.push(i);
  const pick = sampleRows(nonEmpty.length, p.sampleSize, p.seed);
  const sampleRowsOf = Array.from(pick, (i) => nonEmpty[i]!);
  const sample = selectRows(m, sampleRowsOf);
  const maxList = Math.max(100, Math.round(p.maxListShare * sample.rows));
  const graph = knnGraph(sample, {
    k: p.neighbours,
    minSim: p.minSimilarity,
    probe: p.probe,
    maxList,
    budget: p.budget,
    group: group ? Uint8Array.from(sampleRowsOf, (r) => group[r]!) : undefined,
    crossK: p.crossLanguage,
  });
  // Louvain finds a local optimum that depends on the order it visits nodes: keep the best of a few
  // orders (more for small graphs, where a run costs little and one bad merge matters more).
  const runs = Math.max(1, Math.min(8, Math.round(40_000 / Math.max(1, sample.rows))));
  let found = louvain(graph, p.seed, p.resolution);
  for (let r = 1; r < runs; r++) {
    const other = louvain(graph, p.seed + r, p.resolution);
    if (other.modularity > found.modularity) found = other;
  }

  // Communities big enough to be problems, numbered by size.
  const counts = new Int32Array(found.count);
  for (const c of found.community) counts[c]!++;
  const kept = [...counts.keys()]
    .filter((c) => counts[c]! >= p.minSize)
    .sort((a, b) => counts[b]! - counts[a]! || a - b);
  const renumber = new Int32Array(found.count).fill(UNSORTED);
  kept.forEach((c, i) => {
    renumber[c] = i;
  });
  const labels = new Int32Array(m.rows).fill(UNSORTED);
  const sampleLabel = Int32Array.from(found.community, (c) => renumber[c]!);
  sampleRowsOf.forEach((row, i) => {
    labels[row] = sampleLabel[i]!;
  });
  let known: (readonly SparseVector[])[] | undefined;
  if (sampleRowsOf.length < nonEmpty.length) {
    // The rest join the problem of their nearest exemplar, exactly as a new text would (assign.ts).
    const shape = describe(sample, sampleLabel, kept.length, p, { sampled: 0, edges: 0, modularity: 0 });
    known = [...shape.exemplars];
    const assign = createAssigner(
      shape.centroids.map((centroid, key) => ({ key, centroid, exemplars: shape.exemplars[key]! })),
      m.cols,
      { threshold: p.assignThreshold },
    );
    const inSample = new Uint8Array(m.rows);
    for (const r of sampleRowsOf) inSample[r] = 1;
    for (const row of nonEmpty) if (inSample[row] === 0) labels[row] = assign(rowOf(m, row)).key ?? UNSORTED;
  }
  return describe(
    m,
    labels,
    kept.length,
    p,
    { sampled: sample.rows, edges: graph.to.length / 2, modularity: found.modularity },
    known,
  );
}

/** Centroids, each row's similarity to its own centroid, and exemplars. */
export function describe(
  m: Csr,
  labels: Int32Array,
  k: number,
  p: Pick<ClusterParams, "centroidLimit" | "exemplars" | "seed">,
  diagnostics: Clustering["diagnostics"],
  /** Exemplars already chosen (from the sample: they are members too). */
  known?: readonly (readonly SparseVector[])[],
): Clustering {
  const sums = clusterSums(m, labels, k, p.centroidLimit);
  const members = membersOf(labels, k);
  const similarity = new Float32Array(m.rows);
  const dense = new Float64Array(m.cols);
  const exemplars: (readonly SparseVector[])[] = [];
  for (let c = 0; c < k; c++) {
    const centroid = sums.centroids[c]!;
    for (let i = 0; i < centroid.idx.length; i++) dense[centroid.idx[i]!] = centroid.val[i]!;
    for (const row of members[c]!) {
      let s = 0;
      for (let q = m.ptr[row]!; q < m.ptr[row + 1]!; q++) s += m.val[q]! * dense[m.idx[q]!]!;
      similarity[row] = s;
    }
    for (let i = 0; i < centroid.idx.length; i++) dense[centroid.idx[i]!] = 0;
    exemplars.push(known?.[c] ?? pickExemplars(m, members[c]!, similarity, p.exemplars, p.seed + c));
  }
  return { labels, similarity, k, centroids: sums.centroids, exemplars, sizes: sums.sizes, diagnostics };
}

/**
 * Farthest-first traversal (Gonzalez 1985) from the most central member: each next exemplar is the member
 * least similar to those already chosen, so the exemplars cover the problem's different phrasings.
 */
function pickExemplars(
  m: Csr,
  members: Int32Array,
  similarity: Float32Array,
  count: number,
  seed: number,
): SparseVector[] {
  if (members.length === 0 || count <= 0) return [];
  const pool =
    members.length > 300
      ? Array.from(sampleRows(members.length, 300, seed), (i) => members[i]!)
      : [...members];
  let first = pool[0]!;
  for (const r of pool) if (similarity[r]! > similarity[first]!) first = r;
  const chosen = [first];
  const closest = new Float64Array(pool.length).fill(-1);
  const dense = new Float64Array(m.cols);
  while (chosen.length < Math.min(count, pool.length)) {
    const last = chosen[chosen.length - 1]!;
    for (let q = m.ptr[last]!; q < m.ptr[last + 1]!; q++) dense[m.idx[q]!] = m.val[q]!;
    let next = -1;
    pool.forEach((r, i) => {
      let s = 0;
      for (let q = m.ptr[r]!; q < m.ptr[r + 1]!; q++) s += m.val[q]! * dense[m.idx[q]!]!;
      if (s > closest[i]!) closest[i] = s;
      if (closest[i]! < 0.999 && (next < 0 || closest[i]! < closest[next]!)) next = i;
    });
    for (let q = m.ptr[last]!; q < m.ptr[last + 1]!; q++) dense[m.idx[q]!] = 0;
    if (next < 0) break;
    chosen.push(pool[next]!);
  }
  return chosen.map((r) => {
    const v = rowOf(m, r);
    return { idx: v.idx.slice(), val: v.val.slice() };
  });
}
