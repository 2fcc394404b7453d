/**
 * Agreement between a clustering and true labels, for the evaluation. Both take two label arrays of the
 * same length; the label values are only compared for equality.
 */

type Contingency = {
  table: Map<string, number>;
  rows: Map<string, number>;
  cols: Map<string, number>;
  n: number;
};

function contingency(truth: readonly (string | number)[], found: readonly (string | number)[]): Contingency {
  if (truth.length !== found.length) throw new Error("label arrays differ in length");
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const r = String(truth[i]);
    const c = String(found[i]);
    const key = `${r}\u0000${c}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(r, (rows.get(r) ?? 0) + 1);
    cols.set(c, (cols.get(c) ?? 0) + 1);
  }
  return { table, rows, cols, n: truth.length };
}

const entropy = (counts: Iterable<number>, n: number): number => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

/**
 * Normalised mutual information with the arithmetic mean of the two entropies (Strehl & Ghosh 2002 use
 * the geometric mean; the arithmetic one is scikit-learn's default, so our figures compare with papers
 * that use it). Two single-cluster labelings agree perfectly: 1.
 */
export function nmi(truth: readonly (string | number)[], found: readonly (string | number)[]): number {
  const { table, rows, cols, n } = contingency(truth, found);
  if (n === 0) return 1;
  const hu = entropy(rows.values(), n);
  const hv = entropy(cols.values(), n);
  if (hu === 0 && hv === 0) return 1;
  let mi = 0;
  for (const [key, nij] of table) {
    const [r, c] = key.split("\u0000") as [string, string];
    mi += (nij / n) * Math.log((n * nij) / (rows.get(r)! * cols.get(c)!));
  }
  const denom = (hu + hv) / 2;
  return denom === 0 ? 0 : Math.max(0, mi / denom);
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

/** Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions, about 0 for chance. */
export function ari(truth: readonly (string | number)[], found: readonly (string | number)[]): number {
  const { table, rows, cols, n } = contingency(truth, found);
  if (n < 2) return 1;
  let index = 0;
  for (const nij of table.values()) index += pairs(nij);
  let a = 0;
  for (const v of rows.values()) a += pairs(v);
  let b = 0;
  for (const v of cols.values()) b += pairs(v);
  const expected = (a * b) / pairs(n);
  const max = (a + b) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Share of items whose cluster's most common true label is their own label. */
export function purity(truth: readonly (string | number)[], found: readonly (string | number)[]): number {
  const { table, n } = contingency(truth, found);
  const best = new Map<string, number>();
  for (const [key, nij] of table) {
    const c = key.split("\u0000")[1]!;
    best.set(c, Math.max(best.get(c) ?? 0, nij));
  }
  let s = 0;
  for (const v of best.values()) s += v;
  return n === 0 ? 1 : s / n;
}
