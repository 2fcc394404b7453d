import { type Feature, transform } from "./features.ts";

/**
 * Keeps a behavioural segment's id (and with it its owner, target mark and persona) across re-clusterings:
 * each new cluster takes the id of the previous cluster whose centre is nearest, nearest pairs first, if
 * that centre is close enough — root mean square distance over the features, in standard deviations of the
 * new run, at most MATCH_DISTANCE. The rest get new ids; previous clusters left over are retired.
 */

export const MATCH_DISTANCE = 0.75;

export type Centre = Partial<Record<Feature, number | null>>;
export type Scale = { used: readonly Feature[]; mean: readonly number[]; sd: readonly number[] };

export function centreDistance(a: Centre, b: Centre, s: Scale): number {
  let q = 0;
  let k = 0;
  s.used.forEach((f, t) => {
    const x = a[f];
    const y = b[f];
    if (x === null || x === undefined || y === null || y === undefined) return;
    const z = (transform(f, x) - transform(f, y)) / s.sd[t]!;
    q += z * z;
    k++;
  });
  return k === 0 ? Number.POSITIVE_INFINITY : Math.sqrt(q / k);
}

/** For each new cluster, the previous id it keeps, or null. */
export function matchClusters(
  previous: ReadonlyArray<{ id: number; centre: Centre }>,
  next: readonly Centre[],
  scale: Scale,
): Array<number | null> {
  const pairs: Array<{ p: number; n: number; d: number }> = [];
  previous.forEach((p, pi) => {
    next.forEach((c, ni) => {
      const d = centreDistance(p.centre, c, scale);
      if (d <= MATCH_DISTANCE) pairs.push({ p: pi, n: ni, d });
    });
  });
  pairs.sort((a, b) => a.d - b.d || a.n - b.n || a.p - b.p);
  const out: Array<number | null> = next.map(() => null);
  const taken = new Set<number>();
  for (const x of pairs) {
    if (out[x.n] !== null || taken.has(x.p)) continue;
    out[x.n] = previous[x.p]!.id;
    taken.add(x.p);
  }
  return out;
}
