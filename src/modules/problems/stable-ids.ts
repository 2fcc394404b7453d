import { dotHashes, type HashVector } from "./codec.ts";

/**
 * Which existing problem each new cluster is, so a problem keeps its id, owner and history through every
 * re-clustering:
 *  1. by the texts they share: pairs ranked by Jaccard overlap of their texts (counting only texts that
 *     still exist), matched one to one, best first, when the overlap is at least `minOverlap`;
 *  2. a cluster left over is compared by centroid (cosine over hashed features, so models need not agree)
 *     with problems left over, with problems the last clusterings no longer found (they come back with
 *     their history), and with problems a person merged into another: such a match goes to the problem
 *     they were merged into, so a merge survives even when the algorithm keeps the two apart;
 *  3. whatever is still left is a new problem.
 */

export type KnownProblem = {
  readonly id: number;
  /** Texts (source keys) the problem had before this clustering. */
  readonly mentions: ReadonlySet<string>;
  readonly centroid: HashVector | null;
  /** Set when a person merged this problem into another: it is only an alias now. */
  readonly mergedInto: number | null;
};

export type NewCluster = {
  readonly index: number;
  readonly mentions: readonly string[];
  readonly centroid: HashVector;
};

export type Match = {
  readonly cluster: number;
  /** The problem the cluster continues, or null for a new problem. */
  readonly problemId: number | null;
  readonly via: "texts" | "centroid" | "merge" | "new";
  readonly score: number;
};

export type MatchOptions = { readonly minOverlap: number; readonly minCentroid: number };

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { minOverlap: 0.2, minCentroid: 0.5 };

/** Follows merge links to the problem that holds the mentions now (cycles cannot form, but are cut). */
export function resolveMerged(id: number, byId: ReadonlyMap<number, KnownProblem>): number {
  let at = id;
  for (let hops = 0; hops < 50; hops++) {
    const next = byId.get(at)?.mergedInto;
    if (next === null || next === undefined) return at;
    at = next;
  }
  return at;
}

export function matchClusters(
  clusters: readonly NewCluster[],
  problems: readonly KnownProblem[],
  existing: ReadonlySet<string>,
  o: MatchOptions = DEFAULT_MATCH_OPTIONS,
): Match[] {
  const byId = new Map(problems.map((p) => [p.id, p]));
  const owner = new Map<string, number>();
  const liveSize = new Map<number, number>();
  for (const p of problems) {
    if (p.mergedInto !== null) continue;
    let live = 0;
    for (const key of p.mentions) {
      if (!existing.has(key)) continue;
      owner.set(key, p.id);
      live++;
    }
    liveSize.set(p.id, live);
  }
  const pairs: { cluster: number; problem: number; score: number }[] = [];
  for (const c of clusters) {
    const shared = new Map<number, number>();
    for (const key of c.mentions) {
      const p = owner.get(key);
      if (p !== undefined) shared.set(p, (shared.get(p) ?? 0) + 1);
    }
    for (const [p, s] of shared) {
      const score = s / (c.mentions.length + liveSize.get(p)! - s);
      if (score >= o.minOverlap) pairs.push({ cluster: c.index, problem: p, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.cluster - b.cluster || a.problem - b.problem);
  const result = new Map<number, Match>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (result.has(pair.cluster) || taken.has(pair.problem)) continue;
    result.set(pair.cluster, {
      cluster: pair.cluster,
      problemId: pair.problem,
      via: "texts",
      score: pair.score,
    });
    taken.add(pair.problem);
  }

  // A person merged problems into one; if the algorithm still finds them apart, every part whose texts
  // were that problem's stays with it.
  const mergeTargets = new Set<number>();
  for (const p of problems) if (p.mergedInto !== null) mergeTargets.add(resolveMerged(p.id, byId));
  for (const pair of pairs) {
    if (!result.has(pair.cluster) && mergeTargets.has(pair.problem)) {
      result.set(pair.cluster, {
        cluster: pair.cluster,
        problemId: pair.problem,
        via: "merge",
        score: pair.score,
      });
    }
  }

  // Centroids: free problems (one cluster each) and merge aliases (any number of clusters).
  const candidates = problems.filter(
    (p) => p.centroid !== null && (p.mergedInto !== null || !taken.has(p.id)),
  );
  const centroidPairs: { cluster: number; problem: KnownProblem; score: number }[] = [];
  for (const c of clusters) {
    if (result.has(c.index)) continue;
    for (const p of candidates) {
      const score = dotHashes(c.centroid, p.centroid!);
      if (score >= o.minCentroid) centroidPairs.push({ cluster: c.index, problem: p, score });
    }
  }
  centroidPairs.sort((a, b) => b.score - a.score || a.cluster - b.cluster || a.problem.id - b.problem.id);
  for (const pair of centroidPairs) {
    if (result.has(pair.cluster)) continue;
    if (pair.problem.mergedInto !== null) {
      const target = resolveMerged(pair.problem.id, byId);
      result.set(pair.cluster, { cluster: pair.cluster, problemId: target, via: "merge", score: pair.score });
      continue;
    }
    if (taken.has(pair.problem.id)) continue;
    result.set(pair.cluster, {
      cluster: pair.cluster,
      problemId: pair.problem.id,
      via: "centroid",
      score: pair.score,
    });
    taken.add(pair.problem.id);
  }
  return clusters.map(
    (c) => result.get(c.index) ?? { cluster: c.index, problemId: null, via: "new", score: 0 },
  );
}
