/**
 * Grouping millions of rows by customer without a comparison sort: a stable LSD radix sort on the customer
 * id, then each customer's few rows by time and id. Pure.
 */
export type Grouped = { start: Uint32Array; perm: Uint32Array<ArrayBufferLike> };

/**
 * Row indices ordered by an integer key with a stable LSD radix sort (16-bit digits over key − min), keys
 * moved along with the indices so every pass reads memory in order: linear in the rows, where a
 * comparison sort of millions of rows would dominate the rebuild.
 */
function radixOrder(keys: Float64Array): { perm: Uint32Array; sorted: Float64Array } {
  const n = keys.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = keys[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const counts = new Uint32Array(65537);
  if (n > 0 && max - min < 4_294_967_296) {
    // The usual case: offsets fit 32 bits, two passes of integer digits.
    let k = new Uint32Array(n);
    for (let i = 0; i < n; i++) k[i] = keys[i]! - min;
    let perm2 = new Uint32Array(n);
    let k2 = new Uint32Array(n);
    for (let shift = 0; shift < 32 && (max - min) / 2 ** shift >= 1; shift += 16) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[((k[i]! >>> shift) & 0xffff) + 1]!++;
      for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
      for (let i = 0; i < n; i++) {
        const v = k[i]!;
        const to = counts[(v >>> shift) & 0xffff]!++;
        perm2[to] = perm[i]!;
        k2[to] = v;
      }
      [perm, perm2] = [perm2, perm];
      [k, k2] = [k2, k];
    }
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) sorted[i] = k[i]! + min;
    return { perm, sorted };
  }
  let k = keys.slice();
  let perm2 = new Uint32Array(n);
  let k2 = new Float64Array(n);
  for (let div = 1; n > 0 && (max - min) / div >= 1; div *= 65536) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(Math.floor((k[i]! - min) / div) % 65536) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const to = counts[Math.floor((k[i]! - min) / div) % 65536]!++;
      perm2[to] = perm[i]!;
      k2[to] = k[i]!;
    }
    [perm, perm2] = [perm2, perm];
    [k, k2] = [k2, k];
  }
  return { perm, sorted: k };
}

/** Row indices sorted by the customer column, and the sorted customer ids. */
export const byCustomer = (cust: Float64Array, rows: number) => radixOrder(cust.subarray(0, rows));

/** The distinct values of two ascending arrays, ascending. */
export function mergeDistinct(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== v) out[n++] = v;
  }
  return out.slice(0, n);
}

/** Rows (sorted by customer) grouped by customer index into ids, each group by time, then id. */
export function group(
  rows: number,
  ids: Float64Array,
  sorted: { perm: Uint32Array; sorted: Float64Array },
  at: Float64Array,
  id: Float64Array,
): Grouped {
  const perm = sorted.perm;
  const start = new Uint32Array(ids.length + 1);
  let c = -1;
  for (let i = 0; i < rows; i++) {
    const v = sorted.sorted[i]!;
    while (c < 0 || ids[c] !== v) start[++c] = i;
  }
  for (c++; c <= ids.length; c++) start[c] = rows;
  // Each customer's rows by time, then id: insertion sort, as most customers have a handful.
  for (let g = 0; g < ids.length; g++) {
    const s0 = start[g]!;
    const s1 = start[g + 1]!;
    if (s1 - s0 > 64) {
      const sorted = Array.from(perm.subarray(s0, s1)).sort((x, y) => at[x]! - at[y]! || id[x]! - id[y]!);
      perm.set(sorted, s0);
      continue;
    }
    for (let i = s0 + 1; i < s1; i++) {
      const v = perm[i]!;
      const tv = at[v]!;
      const iv = id[v]!;
      let j = i - 1;
      while (j >= s0) {
        const u = perm[j]!;
        const tu = at[u]!;
        if (tu < tv || (tu === tv && id[u]! < iv)) break;
        perm[j + 1] = u;
        j--;
      }
      perm[j + 1] = v;
    }
  }
  return { start, perm };
}
