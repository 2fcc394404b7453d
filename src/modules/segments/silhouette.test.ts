import { describe, expect, it } from "vitest";
import { silhouette } from "./silhouette.ts";

const matrix = (rows: number[][]) => ({
  n: rows.length,
  d: rows[0]!.length,
  data: Float64Array.from(rows.flat()),
});

describe("silhouette", () => {
  it("matches a small case computed by hand (1-D)", () => {
    // 0 and 1 in cluster 0, 4 and 6 in cluster 1:
    //  0: a = 1, b = (4 + 6)/2 = 5 → 0.8        1: a = 1, b = (3 + 5)/2 = 4 → 0.75
    //  4: a = 2, b = (4 + 3)/2 = 3.5 → 3/7      6: a = 2, b = (6 + 5)/2 = 5.5 → 7/11
    const m = matrix([[0], [1], [4], [6]]);
    const expected = (0.8 + 0.75 + 3 / 7 + 7 / 11) / 4;
    expect(silhouette(m, [0, 0, 1, 1], 2)).toBeCloseTo(expected, 12);
    // a lone point at 20 in its own cluster counts as 0 and changes no other b
    const m2 = matrix([[0], [1], [4], [6], [20]]);
    expect(silhouette(m2, [0, 0, 1, 1, 2], 3)).toBeCloseTo((0.8 + 0.75 + 3 / 7 + 7 / 11) / 5, 12);
  });

  it("uses Euclidean distance (2-D)", () => {
    // (0,0),(3,4) together: a = 5 each; (6,8) twice: a = 0.
    // (0,0): b = 10 → 0.5; (3,4): b = 5 → 0; each (6,8): b = (10 + 5)/2 = 7.5 → 1.
    const m = matrix([
      [0, 0],
      [3, 4],
      [6, 8],
      [6, 8],
    ]);
    expect(silhouette(m, [0, 0, 1, 1], 2)).toBeCloseTo(2.5 / 4, 12);
  });

  it("on a sample estimates the full mean", () => {
    const rows: number[][] = [];
    for (let i = 0; i < 600; i++) rows.push([i % 3 === 0 ? 0 : 10, (i * 37) % 11]);
    const m = matrix(rows);
    const labels = rows.map((r) => (r[0] === 0 ? 0 : 1));
    const full = silhouette(m, labels, 2);
    const sampled = silhouette(m, labels, 2, 200, 3);
    expect(Math.abs(sampled - full)).toBeLessThan(0.05);
  });
});
