import { buildIndex, searcher } from "./knn.ts";
import { csrFromRows, type SparseVector } from "./sparse.ts";

/**
 * Incremental assignment: a new text joins the problem of its most similar exemplar (or centroid), if that
 * similarity reaches `threshold`; otherwise it stays unsorted until the next re-clustering. The same
 * function places the texts left out of the clustering sample, so a text gets the same problem whether it
 * arrived before or after the last re-clustering.
 */

export type ProblemShape = {
  /** Whatever the caller identifies problems by (a cluster number, a problem id). */
  readonly key: number;
  readonly centroid: SparseVector;
  readonly exemplars: readonly SparseVector[];
};

export type Placement = { readonly key: number | null; readonly similarity: number };

export type AssignOptions = { readonly threshold: number };

/** Heaviest features of a new text that look for exemplars, and the posting entries it may read. */
const PROBE = 16;
const BUDGET = 2000;

/** Below this cosine a text has too little in common with a problem to be said to be about it. */
export const DEFAULT_ASSIGN_THRESHOLD = 0.1;

export type Assigner = (v: SparseVector) => Placement;

export function createAssigner(
  shapes: readonly ProblemShape[],
  cols: number,
  options: AssignOptions = { threshold: DEFAULT_ASSIGN_THRESHOLD },
): Assigner {
  const rows: SparseVector[] = [];
  const owner: number[] = [];
  for (const s of shapes) {
    for (const v of [s.centroid, ...s.exemplars]) {
      if (v.idx.length === 0) continue;
      rows.push(v);
      owner.push(s.key);
    }
  }
  if (rows.length === 0) return () => ({ key: null, similarity: 0 });
  const m = csrFromRows(rows, cols);
  // As in the clustering's graph: the heaviest (rarest) features find the candidates; a feature that a
  // tenth of all exemplars share decides nothing and would make every look-up read most of the index.
  const search = searcher(buildIndex(m, Math.max(50, Math.round(m.rows * 0.1))), PROBE, BUDGET);
  return (v) => {
    const near = search(v, { k: 1, minSim: 1e-6 }).near;
    if (near.row.length === 0) return { key: null, similarity: 0 };
    const similarity = near.sim[0]!;
    return { key: similarity >= options.threshold ? owner[near.row[0]!]! : null, similarity };
  };
}
