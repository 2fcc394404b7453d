import type { Analysis } from "../../platform/text/index.ts";
import { canonicalStem } from "./glossary.ts";
import type { Csr, SparseVector } from "./sparse.ts";

/**
 * Text → TF-IDF vector, in three blocks: word stems, stem bigrams and character n-grams inside content
 * words. Stems join word forms («доставка», «доставку»); bigrams keep two-word problems («грязный туалет»)
 * apart from their words; character n-grams catch typos, forms the stemmer misses and the many words
 * Russian and Ukrainian share. Each block is weighted and normalised on its own, so the hundred n-grams of
 * a text cannot drown its five stems; the whole vector is then L2-normalised (cosine = dot product) —
 * counting the features the model does not keep (seen in one text only, or new), which match nothing but
 * make a text of mostly unknown words similar to nothing much. Stored rows therefore have length ≤ 1.
 *
 * Features are hashed (FNV-1a, 32 bits, one seed per block) into 2^bits buckets: no vocabulary to grow, and
 * the same word has the same id in every model, so centroids of two clusterings compare directly.
 */

export type VectorParams = {
  readonly bits: number;
  readonly charMin: number;
  readonly charMax: number;
  readonly weights: { readonly stem: number; readonly bigram: number; readonly char: number };
  /** A feature seen in fewer texts cannot link two texts; dropping it keeps the model small. */
  readonly minDf: number;
  /** Replace glossary words by their concept, so that languages meet (glossary.ts). */
  readonly concepts: boolean;
  /**
   * Judge a word's rarity among the texts of its own language. Over a mixed corpus the minority
   * language's commonplaces ("this is not the first time") look rare, and their texts clump by them.
   */
  readonly idfByLanguage: boolean;
};

export const DEFAULT_VECTOR_PARAMS: VectorParams = {
  bits: 20,
  charMin: 3,
  charMax: 4,
  weights: { stem: 1, bigram: 0.6, char: 0.8 },
  minDf: 2,
  concepts: true,
  idfByLanguage: true,
};

/**
 * A text's hashed features, block by block, each block sorted (repeats adjacent = term frequency), and
 * its idf table: 0 ru, 1 uk, 2 en, 3 all texts (for a text whose language is unknown).
 */
export type HashedDoc = {
  readonly hashes: Uint32Array;
  readonly ends: readonly [number, number, number];
  readonly group: number;
};

/** Idf tables: one per language and one over all texts. */
const IDF_TABLES = 4;
const ALL = 3;
const groupOf = (lang: string): number => (lang === "ru" ? 0 : lang === "uk" ? 1 : lang === "en" ? 2 : ALL);

const SEED_STEM = 0x811c9dc5;
const SEED_BIGRAM = 0x01000193 ^ 0x5bd1e995;
const SEED_CHAR = 0x27d4eb2f;

const fnvString = (s: string, seed: number): number => {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Character n-grams of `<word>` hashed as they are read, without building substrings. */
const pushCharGrams = (word: string, p: VectorParams, out: number[]): void => {
  const n = word.length + 2;
  for (let i = 0; i + p.charMin <= n; i++) {
    let h = SEED_CHAR;
    const end = Math.min(n, i + p.charMax);
    for (let j = i; j < end; j++) {
      const ch = j === 0 ? 0x3c : j === n - 1 ? 0x3e : word.charCodeAt(j - 1);
      h = Math.imul(h ^ ch, 0x01000193);
      if (j - i + 1 >= p.charMin) out.push(h >>> 0);
    }
  }
};

export function hashFeatures(
  a: Pick<Analysis, "lang" | "stems" | "bigrams" | "terms">,
  p: VectorParams,
): HashedDoc {
  const mask = (1 << p.bits) - 1;
  const canon = p.concepts ? canonicalStem : (s: string) => s;
  const chars: number[] = [];
  for (const t of a.terms) pushCharGrams(t, p, chars);
  const hashes = new Uint32Array(a.stems.length + a.bigrams.length + chars.length);
  let at = 0;
  for (const s of a.stems) hashes[at++] = fnvString(canon(s), SEED_STEM) & mask;
  for (const b of a.bigrams) {
    const space = b.key.indexOf(" ");
    const key = p.concepts ? `${canon(b.key.slice(0, space))} ${canon(b.key.slice(space + 1))}` : b.key;
    hashes[at++] = fnvString(key, SEED_BIGRAM) & mask;
  }
  for (const h of chars) hashes[at++] = h & mask;
  const e0 = a.stems.length;
  const e1 = e0 + a.bigrams.length;
  // Typed-array sorts are numeric and native: several times faster than sorting numbers in an array.
  hashes.subarray(0, e0).sort();
  hashes.subarray(e0, e1).sort();
  hashes.subarray(e1).sort();
  return { hashes, ends: [e0, e1, hashes.length], group: p.idfByLanguage ? groupOf(a.lang) : ALL };
}

/** What turns hashed features into columns and weights; saved with a clustering to place new texts. */
export type VectorModel = {
  readonly params: VectorParams;
  readonly docs: number;
  /** Kept feature hashes, ascending; the column of a feature is its position here. */
  readonly hashes: Uint32Array;
  /**
   * IDF_TABLES tables of one idf per column, table after table, then one idf per table for a feature the
   * model does not keep (seen in no text of that language, or in too few to keep).
   */
  readonly idf: Float32Array;
  /** Hash → column, −1 for a feature the model does not keep (2^bits entries: one look-up per feature). */
  readonly column: Int32Array;
};

/** Counts in how many texts (of each language, and in all) each feature occurs; keeps those in `minDf` texts. */
export function fitVectorModel(docs: readonly HashedDoc[], p: VectorParams): VectorModel {
  const size = 1 << p.bits;
  const df = Array.from({ length: IDF_TABLES }, () => new Int32Array(size));
  const perGroup = new Int32Array(IDF_TABLES);
  for (const d of docs) {
    const h = d.hashes;
    const own = df[d.group]!;
    const all = df[ALL]!;
    perGroup[d.group]!++;
    if (d.group !== ALL) perGroup[ALL]!++;
    for (let b = 0, start = 0; b < 3; start = d.ends[b]!, b++) {
      for (let i = start; i < d.ends[b]!; i++) {
        if (i !== start && h[i] === h[i - 1]) continue;
        all[h[i]!]!++;
        if (d.group !== ALL) own[h[i]!]!++;
      }
    }
  }
  const kept: number[] = [];
  for (let h = 0; h < size; h++) if (df[ALL]![h]! >= p.minDf) kept.push(h);
  const idf = new Float32Array(IDF_TABLES * (kept.length + 1));
  for (let g = 0; g < IDF_TABLES; g++) {
    // Smoothed idf (as if one more text held every feature): never zero, never infinite.
    const n = perGroup[g]!;
    kept.forEach((h, c) => {
      idf[g * kept.length + c] = Math.log((1 + n) / (1 + df[g]![h]!)) + 1;
    });
    idf[IDF_TABLES * kept.length + g] = Math.log(1 + n) + 1;
  }
  return modelFrom(p, docs.length, Uint32Array.from(kept), idf);
}

/** A model from its kept hashes and idf tables (as saved). */
export function modelFrom(
  params: VectorParams,
  docs: number,
  hashes: Uint32Array,
  idf: Float32Array,
): VectorModel {
  const column = new Int32Array(1 << params.bits).fill(-1);
  for (let c = 0; c < hashes.length; c++) column[hashes[c]!] = c;
  return { params, docs, hashes, idf, column };
}

/** Scratch space for vectorising many texts without allocating per text. */
type Scratch = { cols: Int32Array; vals: Float64Array; outIdx: Int32Array; outVal: Float64Array };

const scratchFor = (size: number, old?: Scratch): Scratch =>
  old && old.cols.length >= size
    ? old
    : {
        cols: new Int32Array(size),
        vals: new Float64Array(size),
        outIdx: new Int32Array(size),
        outVal: new Float64Array(size),
      };

/**
 * Writes the unit TF-IDF vector of one text into `s.outIdx/outVal` and returns its length. Columns follow
 * hash order, and each block's hashes are sorted, so each block comes out in column order and the blocks
 * only need merging, not sorting.
 */
function vectorInto(model: VectorModel, d: HashedDoc, s: Scratch): number {
  const w = model.params.weights;
  const blockWeights = [w.stem, w.bigram, w.char];
  const starts = [0, 0, 0, 0];
  // The text's full length: each block with any feature, known or not, has length w_b before joining.
  let full = 0;
  const table = d.group * model.hashes.length;
  const unseen = model.idf[IDF_TABLES * model.hashes.length + d.group] ?? 0;
  let n = 0;
  for (let b = 0, start = 0; b < 3; start = d.ends[b]!, b++) {
    starts[b] = n;
    const from = n;
    let sq = 0;
    if (blockWeights[b] !== 0) {
      for (let i = start; i < d.ends[b]!; ) {
        let j = i + 1;
        while (j < d.ends[b]! && d.hashes[j] === d.hashes[i]) j++;
        const c = model.column[d.hashes[i]!]!;
        const tf = j - i === 1 ? 1 : 1 + Math.log(j - i);
        if (c >= 0) {
          const v = tf * model.idf[table + c]!;
          s.cols[n] = c;
          s.vals[n++] = v;
          sq += v * v;
        } else {
          // A feature the model does not keep matches nothing, but it is part of what the text says:
          // it counts in the length, so a text of mostly unknown words is similar to nothing much.
          sq += (tf * unseen) ** 2;
        }
        i = j;
      }
      const scale = sq > 0 ? blockWeights[b]! / Math.sqrt(sq) : 0;
      for (let k = from; k < n; k++) s.vals[k]! *= scale;
      if (sq > 0) full += blockWeights[b]! ** 2;
    }
  }
  starts[3] = n;
  // Three-way merge of the blocks; a column two blocks share (a hash collision) is summed.
  const at = [starts[0]!, starts[1]!, starts[2]!];
  let m = 0;
  for (;;) {
    let best = -1;
    for (let b = 0; b < 3; b++) {
      if (at[b]! < starts[b + 1]! && (best < 0 || s.cols[at[b]!]! < s.cols[at[best]!]!)) best = b;
    }
    if (best < 0) break;
    const p = at[best]!++;
    if (m > 0 && s.outIdx[m - 1] === s.cols[p]) s.outVal[m - 1]! += s.vals[p]!;
    else {
      s.outIdx[m] = s.cols[p]!;
      s.outVal[m++] = s.vals[p]!;
    }
  }
  // Divided by the full length, not the known features' length: the vector is a unit vector in the space
  // of all features with the unknown ones dropped, so its dot products are true cosines.
  const inv = full > 0 ? 1 / Math.sqrt(full) : 0;
  for (let i = 0; i < m; i++) s.outVal[i]! *= inv;
  return m;
}

/** The unit TF-IDF vector of one text; features the model does not know are left out. */
export function vectorOf(model: VectorModel, d: HashedDoc): SparseVector {
  const s = scratchFor(d.hashes.length);
  const m = vectorInto(model, d, s);
  return { idx: s.outIdx.slice(0, m), val: Float32Array.from(s.outVal.subarray(0, m)) };
}

/** Fits the model on the texts and returns their vectors as rows. */
export function vectorizeAll(
  docs: readonly HashedDoc[],
  p: VectorParams = DEFAULT_VECTOR_PARAMS,
): { model: VectorModel; matrix: Csr } {
  const model = fitVectorModel(docs, p);
  let total = 0;
  for (const d of docs) total += d.hashes.length;
  const ptr = new Int32Array(docs.length + 1);
  let idx = new Int32Array(total);
  let val = new Float32Array(total);
  let s: Scratch | undefined;
  let at = 0;
  docs.forEach((d, i) => {
    s = scratchFor(d.hashes.length, s);
    const m = vectorInto(model, d, s);
    idx.set(s.outIdx.subarray(0, m), at);
    for (let k = 0; k < m; k++) val[at + k] = s.outVal[k]!;
    at += m;
    ptr[i + 1] = at;
  });
  idx = idx.slice(0, at);
  val = val.slice(0, at);
  return { model, matrix: { rows: docs.length, cols: model.hashes.length, ptr, idx, val } };
}
