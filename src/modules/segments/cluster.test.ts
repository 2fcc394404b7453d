import { describe, expect, it } from "vitest";
import { createRandom } from "../../platform/stats/random.ts";
import { clusterCustomers } from "./cluster.ts";
import { emptyColumns, featureMeans, standardise } from "./features.ts";

function blobs(perCluster: number[], seed: number) {
  const rnd = createRandom(seed);
  const centres = [
    [0, 0],
    [8, 0],
    [0, 8],
    [8, 8],
  ];
  const data: number[] = [];
  const truth: number[] = [];
  perCluster.forEach((size, c) => {
    for (let i = 0; i < size; i++) {
      for (const x of centres[c]!) data.push(x + 0.4 * rnd.normal());
      truth.push(c);
    }
  });
  return { m: { n: truth.length, d: 2, data: Float64Array.from(data) }, truth };
}

describe("choosing the number of segments", () => {
  it("picks k = 4 by silhouette on four separable groups", () => {
    const { m } = blobs([120, 100, 80, 60], 1);
    const out = clusterCustomers(m, { seed: 3 })!;
    expect(out.result.k).toBe(4);
    expect(out.result.sizes).toEqual([120, 100, 80, 60]);
    expect(out.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const best = Math.max(...out.scores.map((s) => s.silhouette));
    expect(out.scores.find((s) => s.k === 4)!.silhouette).toBe(best);
  });

  it("fits on a sample for large bases and still assigns every row", () => {
    const { m, truth } = blobs([3000, 2000, 1500, 500], 2);
    const out = clusterCustomers(m, { seed: 3, fitSample: 2000, silhouetteSample: 400 })!;
    expect(out.result.k).toBe(4);
    expect(out.result.labels.length).toBe(7000);
    expect([...out.result.labels]).toEqual(truth);
  });

  it("does not cluster a handful of customers", () => {
    expect(clusterCustomers({ n: 5, d: 1, data: Float64Array.from([1, 2, 3, 4, 5]) })).toBeNull();
  });
});

describe("standardised features", () => {
  it("takes z-scores of log(1 + x) for counts, fills missing with the mean, drops constant features", () => {
    const cols = emptyColumns(4);
    cols.frequency.set([0, 0, 2 ** 2 - 1, 2 ** 2 - 1]); // log1p: 0, 0, ln 4, ln 4 → mean ln 2, sd ln 2
    cols.nps.set([10, Number.NaN, 0, Number.NaN]); // mean 5, sd 5; missing → 0
    cols.recency.set([3, 3, 3, 3]); // constant → left out
    const s = standardise(cols, 4);
    expect(s.used).toEqual(["frequency", "nps"]);
    expect(s.mean[0]).toBeCloseTo(Math.log(2), 12);
    expect(s.sd[0]).toBeCloseTo(Math.log(2), 12);
    expect([...s.matrix.data].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([-1, 1, -1, 0, 1, -1, 1, 0]);
    expect(featureMeans(cols, 4).nps).toBe(5);
    expect(featureMeans(cols, 4).clv).toBeNull();
  });
});
