import { describe, expect, it } from "vitest";
import type { Graph } from "./knn.ts";
import { louvain } from "./louvain.ts";

function graph(n: number, edges: [number, number, number][]): Graph {
  const lists = Array.from({ length: n }, () => [] as [number, number][]);
  for (const [a, b, w] of edges) {
    lists[a]!.push([b, w]);
    lists[b]!.push([a, w]);
  }
  const ptr = new Int32Array(n + 1);
  lists.forEach((l, i) => {
    ptr[i + 1] = ptr[i]! + l.length;
  });
  return {
    nodes: n,
    ptr,
    to: Int32Array.from(lists.flat(), (x) => x[0]),
    w: Float64Array.from(lists.flat(), (x) => x[1]),
  };
}

describe("Louvain modularity communities", () => {
  it("splits two triangles joined by one edge, with Q = 5/14", () => {
    const g = graph(6, [
      [0, 1, 1],
      [1, 2, 1],
      [0, 2, 1],
      [3, 4, 1],
      [4, 5, 1],
      [3, 5, 1],
      [2, 3, 1],
    ]);
    for (const seed of [1, 2, 3]) {
      const r = louvain(g, seed);
      expect(r.count).toBe(2);
      expect(new Set([r.community[0], r.community[1], r.community[2]]).size).toBe(1);
      expect(r.community[0]).not.toBe(r.community[3]);
      // Each community: 3 inner edges (6 of 14 ends) and degree sum 7: 2 × (6/14 − (7/14)²).
      expect(r.modularity).toBeCloseTo(5 / 14, 12);
    }
  });

  it("leaves isolated nodes alone and is the same for the same seed", () => {
    const g = graph(5, [
      [0, 1, 2],
      [1, 2, 2],
    ]);
    const a = louvain(g, 7);
    const b = louvain(g, 7);
    expect([...a.community]).toEqual([...b.community]);
    expect(a.community[3]).not.toBe(a.community[4]);
    expect(a.community[0]).toBe(a.community[1]);
  });
});
