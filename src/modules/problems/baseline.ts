import { seedRows } from "./centroids.ts";
import { type Csr, csrFromRows, type SparseVector } from "./sparse.ts";

/**
 * The evaluation's reference: plain TF-IDF (lower-cased words of two or more letters or digits, no stop
 * words, no stems, raw term counts, smoothed idf, L2 rows: scikit-learn's TfidfVectorizer defaults) and
 * Lloyd's k-means with Euclidean distance, k-means++ seeding and the true number of labels given.
 */

const WORD = /[\p{L}\p{N}_]{2,}/gu;

export function plainTfIdf(texts: readonly string[]): Csr {
  const vocab = new Map<string, number>();
  const docs = texts.map((t) => {
    const tf = new Map<number, number>();
    for (const [w] of t.toLowerCase().matchAll(WORD)) {
      let id = vocab.get(w);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(w, id);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Int32Array(vocab.size);
  for (const d of docs) for (const id of d.keys()) df[id]!++;
  const n = texts.length;
  const rows: SparseVector[] = docs.map((d) => {
    const ids = [...d.keys()].sort((a, b) => a - b);
    const val = ids.map((id) => d.get(id)! * (Math.log((1 + n) / (1 + df[id]!)) + 1));
    const len = Math.sqrt(val.reduce((s, v) => s + v * v, 0)) || 1;
    return { idx: Int32Array.from(ids), val: Float32Array.from(val, (v) => v / len) };
  });
  return csrFromRows(rows, vocab.size);
}

/** Euclidean k-means on rows with dense centroids (fine for the few thousand columns of plain words). */
export function euclideanKMeans(m: Csr, k: number, seed: number, maxIterations = 100): Int32Array {
  const centers = seedRows(m, k, seed).map((i) => {
    const c = new Float64Array(m.cols);
    for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) c[m.idx[p]!] = m.val[p]!;
    return c;
  });
  const label = new Int32Array(m.rows).fill(-1);
  const rowNorm = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) rowNorm[i]! += m.val[p]! * m.val[p]!;
  }
  for (let it = 0; it < maxIterations; it++) {
    const centerNorm = centers.map((c) => c.reduce((s, v) => s + v * v, 0));
    let changed = 0;
    for (let i = 0; i < m.rows; i++) {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let c = 0; c < centers.length; c++) {
        const center = centers[c]!;
        let dot = 0;
        for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) dot += m.val[p]! * center[m.idx[p]!]!;
        const d = rowNorm[i]! - 2 * dot + centerNorm[c]!;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (label[i] !== best) changed++;
      label[i] = best;
    }
    if (changed === 0) break;
    const counts = new Int32Array(centers.length);
    const next = centers.map(() => new Float64Array(m.cols));
    for (let i = 0; i < m.rows; i++) {
      const center = next[label[i]!]!;
      counts[label[i]!]!++;
      for (let p = m.ptr[i]!; p < m.ptr[i + 1]!; p++) center[m.idx[p]!]! += m.val[p]!;
    }
    next.forEach((c, ci) => {
      // An emptied center keeps its last position (rare with k-means++ seeds).
      if (counts[ci]! === 0) return;
      for (let j = 0; j < c.length; j++) c[j]! /= counts[ci]!;
      centers[ci] = c;
    });
  }
  return label;
}

/** The baseline's cluster of each text: plain TF-IDF, then k-means with `k` clusters. */
export const baselineClusters = (texts: readonly string[], k: number, seed: number): Int32Array =>
  euclideanKMeans(plainTfIdf(texts), k, seed);
