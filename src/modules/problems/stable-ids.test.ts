import { describe, expect, it } from "vitest";
import type { HashVector } from "./codec.ts";
import { type KnownProblem, matchClusters } from "./stable-ids.ts";

const vec = (entries: Record<number, number>): HashVector => {
  const keys = Object.keys(entries)
    .map(Number)
    .sort((a, b) => a - b);
  const len = Math.hypot(...keys.map((k) => entries[k]!));
  return { hashes: Uint32Array.from(keys), val: Float32Array.from(keys, (k) => entries[k]! / len) };
};
const keys = (prefix: string, n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `request-${prefix}${from + i}`);
const known = (
  id: number,
  mentions: string[],
  centroid: HashVector | null,
  mergedInto: number | null = null,
): KnownProblem => ({
  id,
  mentions: new Set(mentions),
  centroid,
  mergedInto,
});

describe("stable problem ids across re-clusterings", () => {
  const a = vec({ 1: 1, 2: 1 });
  const b = vec({ 10: 1, 11: 1 });
  const c = vec({ 20: 1, 21: 1 });

  it("keeps ids when the same texts come back, with new texts added", () => {
    const problems = [known(7, keys("1", 10), a), known(9, keys("2", 10), b)];
    const clusters = [
      { index: 0, mentions: [...keys("2", 10), ...keys("2", 3, 100)], centroid: b },
      { index: 1, mentions: keys("1", 10), centroid: a },
    ];
    const existing = new Set(clusters.flatMap((x) => x.mentions));
    expect(matchClusters(clusters, problems, existing).map((m) => [m.problemId, m.via])).toEqual([
      [9, "texts"],
      [7, "texts"],
    ]);
  });

  it("gives one problem to the better of two clusters that split it, and a new id to the other", () => {
    const problems = [known(5, keys("1", 10), a)];
    const clusters = [
      { index: 0, mentions: keys("1", 3), centroid: c },
      { index: 1, mentions: keys("1", 7, 3), centroid: a },
    ];
    const m = matchClusters(clusters, problems, new Set(keys("1", 10)));
    expect(m.map((x) => x.problemId)).toEqual([null, 5]);
  });

  it("brings a dissolved problem back by its centroid", () => {
    const problems = [known(4, [], b)];
    const m = matchClusters(
      [{ index: 0, mentions: keys("9", 5), centroid: vec({ 10: 1, 11: 0.9 }) }],
      problems,
      new Set(),
    );
    expect(m[0]).toMatchObject({ problemId: 4, via: "centroid" });
  });

  it("keeps a merge: a cluster like the merged-away problem goes to the problem it was merged into", () => {
    // 3 was merged into 2: its texts now belong to 2, and it keeps its centroid as an alias.
    const problems = [known(2, [...keys("1", 10), ...keys("2", 10)], a), known(3, [], b, 2)];
    const clusters = [
      { index: 0, mentions: keys("1", 10), centroid: a },
      { index: 1, mentions: keys("2", 10), centroid: b },
    ];
    const m = matchClusters(clusters, problems, new Set(clusters.flatMap((x) => x.mentions)));
    expect(m.map((x) => x.problemId)).toEqual([2, 2]);
  });

  it("starts a new problem for a cluster like nothing known", () => {
    const m = matchClusters(
      [{ index: 0, mentions: keys("5", 4), centroid: c }],
      [known(1, keys("1", 5), a)],
      new Set(),
    );
    expect(m[0]).toMatchObject({ problemId: null, via: "new" });
  });
});
