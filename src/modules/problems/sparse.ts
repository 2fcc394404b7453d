/**
 * Sparse vectors and row matrices (CSR) for text features. Plain typed arrays: the clustering touches
 * millions of entries, and objects per entry would cost more than the arithmetic.
 */

/** Indices ascending, no duplicates; values aligned with them. */
export type SparseVector = { readonly idx: Int32Array; readonly val: Float32Array };

/** Row i is idx/val[ptr[i] .. ptr[i+1]). */
export type Csr = {
  readonly rows: number;
  readonly cols: number;
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float32Array;
};

export const rowOf = (m: Csr, i: number): SparseVector => ({
  idx: m.idx.subarray(m.ptr[i]!, m.ptr[i + 1]!),
  val: m.val.subarray(m.ptr[i]!, m.ptr[i + 1]!),
});

/** Stacks rows into one matrix. */
export function csrFromRows(rows: readonly SparseVector[], cols: number): Csr {
  let nnz = 0;
  for (const r of rows) nnz += r.idx.length;
  const ptr = new Int32Array(rows.length + 1);
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    idx.set(r.idx, at);
    val.set(r.val, at);
    at += r.idx.length;
    ptr[i + 1] = at;
  }
  return { rows: rows.length, cols, ptr, idx, val };
}

/** The rows at `which`, in that order. */
export function selectRows(m: Csr, which: ArrayLike<number>): Csr {
  const rows: SparseVector[] = [];
  for (let k = 0; k < which.length; k++) rows.push(rowOf(m, which[k]!));
  return csrFromRows(rows, m.cols);
}

export function dotSparse(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!;
    const y = b.idx[j]!;
    if (x === y) s += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

export function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * values[i]!;
  return Math.sqrt(s);
}

/** The non-zero entries of a dense accumulator as a sparse vector scaled by `scale`. */
export function sparseFromDense(dense: Float64Array, touched: readonly number[], scale = 1): SparseVector {
  const keys = touched.filter((k) => dense[k] !== 0).sort((a, b) => a - b);
  const idx = new Int32Array(keys);
  const val = new Float32Array(keys.length);
  for (let i = 0; i < keys.length; i++) val[i] = dense[keys[i]!]! * scale;
  return { idx, val };
}

/** Keeps the `limit` largest entries (by magnitude) and rescales to unit length. */
export function truncateUnit(v: SparseVector, limit: number): SparseVector {
  let keep: number[];
  if (v.idx.length <= limit) keep = [...v.idx.keys()];
  else {
    keep = [...v.idx.keys()].sort((a, b) => Math.abs(v.val[b]!) - Math.abs(v.val[a]!)).slice(0, limit);
    keep.sort((a, b) => a - b);
  }
  let s = 0;
  for (const k of keep) s += v.val[k]! * v.val[k]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  const idx = new Int32Array(keep.length);
  const val = new Float32Array(keep.length);
  keep.forEach((k, i) => {
    idx[i] = v.idx[k]!;
    val[i] = v.val[k]! * inv;
  });
  return { idx, val };
}
