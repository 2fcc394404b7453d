/**
 * Collapse identical rows of numeric columns into unique rows with counts. A likelihood summed over n
 * rows equals the count-weighted sum over the unique ones, and real data repeat themselves a lot, so this
 * is what lets a fit over a million rows cost a few thousand evaluations.
 */

export type GroupedRows = {
  /** One array per input column, holding the unique rows in first-seen order. */
  columns: Float64Array[];
  /** How many input rows each unique row stands for. */
  weight: Float64Array;
  /** For each input row, the index of its unique row. */
  groupOf: Int32Array;
};

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function mix(h: number, v: number): number {
  // −0 and 0 must land together; they are the same value for every formula downstream.
  bits[0] = v === 0 ? 0 : v;
  let k = Math.imul(words[0] as number, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  k = Math.imul(words[1] as number, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  return Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Groups rows that are equal in every column (exact equality; NaN never equals anything). */
export function groupIdentical(columns: ArrayLike<number>[]): GroupedRows {
  const m = columns.length;
  const n = m === 0 ? 0 : (columns[0] as ArrayLike<number>).length;
  for (const c of columns) {
    if (c.length !== n) throw new Error("groupIdentical: columns differ in length");
  }
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const representative = new Int32Array(n);
  const groupOf = new Int32Array(n);
  const counts = new Float64Array(n);
  let groups = 0;
  for (let row = 0; row < n; row++) {
    let h = 0x9747b28c;
    for (let c = 0; c < m; c++) h = mix(h, (columns[c] as ArrayLike<number>)[row] as number);
    let slot = finish(h) & mask;
    for (;;) {
      const g = table[slot] as number;
      if (g === -1) {
        table[slot] = groups;
        representative[groups] = row;
        groupOf[row] = groups;
        counts[groups] = 1;
        groups++;
        break;
      }
      const rep = representative[g] as number;
      let same = true;
      for (let c = 0; c < m && same; c++) {
        const col = columns[c] as ArrayLike<number>;
        same = col[rep] === col[row];
      }
      if (same) {
        groupOf[row] = g;
        counts[g] = (counts[g] as number) + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const out = columns.map((col) => {
    const u = new Float64Array(groups);
    for (let g = 0; g < groups; g++) u[g] = col[representative[g] as number] as number;
    return u;
  });
  return { columns: out, weight: counts.slice(0, groups), groupOf };
}

/**
 * A deterministic systematic subsample of weighted rows holding about `target` of the total weight: walk
 * the rows accumulating weight × fraction and keep each whole unit that accumulates. Rows keep their
 * relative frequencies, so a fit on the subsample is a cheap, close start for the fit on everything.
 */
export function systematicSubsample(
  weight: ArrayLike<number>,
  target: number,
): { index: Int32Array; weight: Float64Array } {
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i] as number;
  const fraction = Math.min(1, target / total);
  const index: number[] = [];
  const kept: number[] = [];
  let acc = 0.5; // centred, so a fraction of 1 keeps everything
  let taken = 0;
  for (let i = 0; i < weight.length; i++) {
    acc += (weight[i] as number) * fraction;
    const k = Math.floor(acc) - taken;
    if (k > 0) {
      index.push(i);
      kept.push(k);
      taken += k;
    }
  }
  return { index: Int32Array.from(index), weight: Float64Array.from(kept) };
}
