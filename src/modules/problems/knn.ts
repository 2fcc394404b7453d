import type { Csr, SparseVector } from "./sparse.ts";
import { TopK } from "./top-k.ts";

/**
 * Nearest neighbours of texts by cosine, through an inverted index (feature → texts that have it).
 * A query looks only at its `probe` heaviest features whose lists are not longer than `maxList`: a word in
 * a large share of all texts finds everyone and decides nothing, and the heaviest features carry most of a
 * unit vector's mass. Similarity is then the dot product over the probed features (a lower bound of the
 * cosine), enough to rank neighbours.
 */

export type InvertedIndex = {
  readonly rows: number;
  readonly ptr: Int32Array;
  readonly row: Int32Array;
  readonly val: Float32Array;
  readonly maxList: number;
};

export function buildIndex(m: Csr, maxList: number): InvertedIndex {
  const ptr = new Int32Array(m.cols + 1);
  for (let p = 0; p < m.idx.length; p++) ptr[m.idx[p]! + 1]!++;
  for (let j = 0; j < m.cols; j++) ptr[j + 1]! += ptr[j]!;
  const fill = ptr.slice(0, m.cols);
  const row = new Int32Array(m.idx.length);
  const val = new Float32Array(m.idx.length);
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) {
      const at = fill[m.idx[p]!]!++;
      row[at] = i;
      val[at] = m.val[p]!;
    }
  }
  return { rows: m.rows, ptr, row, val, maxList };
}

export type Neighbours = { readonly row: Int32Array; readonly sim: Float32Array };

export type SearchOptions = {
  readonly k: number;
  readonly minSim: number;
  /** The query's own row, left out. */
  readonly self?: number;
  /** With `group` and `own`: also the `crossK` best rows whose group differs from `own`. */
  readonly group?: Uint8Array;
  readonly own?: number;
  readonly crossK?: number;
};

export type Searcher = (q: SparseVector, o: SearchOptions) => { near: Neighbours; cross: Neighbours };

/** A reusable query function over an index (its scratch arrays are allocated once). */
export function searcher(index: InvertedIndex, probe: number, budget = Number.POSITIVE_INFINITY): Searcher {
  const score = new Float32Array(index.rows);
  const touched = new Int32Array(index.rows);
  const order = new Float64Array(4096);
  let heaps: { near: TopK; cross: TopK; k: number; crossK: number } | undefined;
  return (q, o) => {
    // Features heaviest first: (1 − weight) quantised, with the position packed below it, sorted natively.
    let n = 0;
    for (let i = 0; i < q.idx.length && i < 4096; i++) {
      const len = index.ptr[q.idx[i]! + 1]! - index.ptr[q.idx[i]!]!;
      if (len > 0 && len <= index.maxList) order[n++] = Math.floor((1 - q.val[i]!) * 1_048_576) * 4096 + i;
    }
    const sorted = order.subarray(0, n).sort();
    let nt = 0;
    let spent = 0;
    for (let u = 0; u < n && u < probe; u++) {
      const i = sorted[u]! % 4096;
      const j = q.idx[i]!;
      const x = q.val[i]!;
      // The heaviest features come first and are rare; past the budget only common, light ones are left.
      spent += index.ptr[j + 1]! - index.ptr[j]!;
      if (spent > budget && u > 0) break;
      for (let p = index.ptr[j]!; p < index.ptr[j + 1]!; p++) {
        const r = index.row[p]!;
        if (score[r] === 0) touched[nt++] = r;
        score[r]! += x * index.val[p]!;
      }
    }
    const crossK = o.group !== undefined && o.own !== undefined ? (o.crossK ?? 0) : 0;
    if (heaps === undefined || heaps.k !== o.k || heaps.crossK !== crossK) {
      heaps = { near: new TopK(o.k), cross: new TopK(crossK), k: o.k, crossK };
    }
    heaps.near.reset();
    heaps.cross.reset();
    const self = o.self ?? -1;
    for (let t = 0; t < nt; t++) {
      const r = touched[t]!;
      const s = score[r]!;
      score[r] = 0;
      if (r === self || s < o.minSim) continue;
      heaps.near.push(r, s);
      if (crossK > 0 && o.group![r] !== o.own) heaps.cross.push(r, s);
    }
    return { near: heaps.near.result(), cross: heaps.cross.result() };
  };
}

/** Weighted undirected graph in CSR form (each edge stored in both directions). */
export type Graph = {
  readonly nodes: number;
  readonly ptr: Int32Array;
  readonly to: Int32Array;
  readonly w: Float64Array;
};

/** The k-nearest-neighbour graph of the rows: an edge when either end is among the other's k nearest. */
export type GraphOptions = {
  readonly k: number;
  readonly minSim: number;
  readonly probe: number;
  readonly maxList: number;
  /** Posting entries a query may read (see searcher). */
  readonly budget?: number;
  /** Language (or any group) of each row: each row also links to its `crossK` nearest rows of other groups. */
  readonly group?: Uint8Array;
  readonly crossK?: number;
};

export function knnGraph(m: Csr, o: GraphOptions): Graph {
  const { k, minSim, probe, maxList } = o;
  const search = searcher(buildIndex(m, maxList), probe, o.budget);
  const edges = new Map<number, number>();
  const n = m.rows;
  const key = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  for (let i = 0; i < n; i++) {
    const q = {
      idx: m.idx.subarray(m.ptr[i]!, m.ptr[i + 1]!),
      val: m.val.subarray(m.ptr[i]!, m.ptr[i + 1]!),
    };
    const add = (nb: Neighbours): void => {
      for (let t = 0; t < nb.row.length; t++) {
        const e = key(i, nb.row[t]!);
        edges.set(e, Math.max(edges.get(e) ?? 0, nb.sim[t]!));
      }
    };
    const found = search(q, { k, minSim, self: i, group: o.group, own: o.group?.[i], crossK: o.crossK });
    add(found.near);
    add(found.cross);
  }
  return graphFromEdges(n, edges);
}

function graphFromEdges(n: number, edges: ReadonlyMap<number, number>): Graph {
  const deg = new Int32Array(n + 1);
  for (const e of edges.keys()) {
    deg[Math.floor(e / n) + 1]!++;
    deg[(e % n) + 1]!++;
  }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const fill = deg.slice(0, n);
  const to = new Int32Array(deg[n]!);
  const w = new Float64Array(deg[n]!);
  for (const [e, s] of edges) {
    const a = Math.floor(e / n);
    const b = e % n;
    to[fill[a]!] = b;
    w[fill[a]!++] = s;
    to[fill[b]!] = a;
    w[fill[b]!++] = s;
  }
  return { nodes: n, ptr: deg, to, w };
}
