import { describe, expect, it } from "vitest";
import { groupIdentical, systematicSubsample } from "./group-rows.ts";

describe("groupIdentical", () => {
  it("collapses identical rows with counts and maps rows back", () => {
    const g = groupIdentical([
      [1, 2, 1, 1, 0],
      [0.5, 0.5, 0.5, 0.25, -0],
    ]);
    expect(Array.from(g.columns[0] as Float64Array)).toEqual([1, 2, 1, 0]);
    expect(Array.from(g.columns[1] as Float64Array)).toEqual([0.5, 0.5, 0.25, -0]);
    expect(Array.from(g.weight)).toEqual([2, 1, 1, 1]);
    expect(Array.from(g.groupOf)).toEqual([0, 1, 0, 2, 3]);
  });
  it("treats 0 and −0 as one value and scales to many rows", () => {
    expect(groupIdentical([[0, -0]]).weight[0]).toBe(2);
    const n = 200_000;
    const col = Float64Array.from({ length: n }, (_, i) => i % 1000);
    const g = groupIdentical([col, col]);
    expect(g.weight.length).toBe(1000);
    expect(g.weight.every((w) => w === 200)).toBe(true);
  });
  it("rejects columns of different lengths", () => {
    expect(() => groupIdentical([[1], [1, 2]])).toThrow();
  });
});

describe("systematicSubsample", () => {
  it("keeps about the target weight in proportion", () => {
    const w = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 30 : 10));
    const s = systematicSubsample(w, 2000);
    const total = s.weight.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1999);
    expect(total).toBeLessThanOrEqual(2001);
    let even = 0;
    s.index.forEach((i, k) => {
      if (i % 2 === 0) even += s.weight[k] as number;
    });
    expect(even / total).toBeCloseTo(0.75, 2);
    expect(systematicSubsample([3, 4], 100).weight.reduce((a, b) => a + b, 0)).toBe(7);
  });
});
