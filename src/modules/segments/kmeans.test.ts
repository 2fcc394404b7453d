import { describe, expect, it } from "vitest";
import { createRandom } from "../../platform/stats/random.ts";
import { kmeans } from "./kmeans.ts";

/** Three well separated Gaussian blobs in 4-D (sd 0.5, centres ≥ 10 apart): 500, 300 and 200 rows. */
function blobs(seed: number) {
  const rnd = createRandom(seed);
  const centres = [
    [0, 0, 0, 0],
    [10, 0, 10, 0],
    [0, 10, 0, -10],
  ];
  const sizes = [500, 300, 200];
  const rows: number[] = [];
  const truth: number[] = [];
  // interleave so the clusters are not in blocks
  const left = [...sizes];
  while (left.some((x) => x > 0)) {
    for (let c = 0; c < 3; c++) {
      if (left[c]! === 0) continue;
      left[c]!--;
      for (const x of centres[c]!) rows.push(x + 0.5 * rnd.normal());
      truth.push(c);
    }
  }
  return { m: { n: truth.length, d: 4, data: Float64Array.from(rows) }, truth, centres };
}

describe("k-means", () => {
  it("recovers known clusters on separable data, largest first", () => {
    const { m, truth, centres } = blobs(11);
    const r = kmeans(m, 3, { seed: 5, restarts: 4 });
    expect(r.sizes).toEqual([500, 300, 200]);
    // canonical numbering: largest first, so found cluster j is true cluster j, row by row
    expect([...r.labels]).toEqual(truth);
    for (let j = 0; j < 3; j++) {
      for (let t = 0; t < 4; t++)
        expect(Math.abs(r.centroids[j * 4 + t]! - centres[j]![t]!)).toBeLessThan(0.15);
    }
  });

  it("gives the same result for the same seed and data", () => {
    const { m } = blobs(3);
    const a = kmeans(m, 4, { seed: 9 });
    const b = kmeans(m, 4, { seed: 9 });
    expect([...a.labels]).toEqual([...b.labels]);
    expect([...a.centroids]).toEqual([...b.centroids]);
  });

  it("refuses fewer rows than clusters", () => {
    expect(() => kmeans({ n: 2, d: 1, data: Float64Array.from([1, 2]) }, 3)).toThrow(/at least/);
  });
});
