import { describe, expect, it } from "vitest";
import {
  bootstrapInterval,
  meanDifferenceInterval,
  quantileSorted,
  summarize,
  twoProportionZTest,
  wilsonInterval,
} from "./intervals.ts";

describe("Wilson interval", () => {
  it("8 of 10 by hand: centre (0.8 + z²/20)/(1 + z²/10), half-width z/(1+z²/10)·√(0.016 + z²/400)", () => {
    const z = 1.959963984540054;
    const centre = (0.8 + (z * z) / 20) / (1 + (z * z) / 10);
    const half = (z / (1 + (z * z) / 10)) * Math.sqrt(0.016 + (z * z) / 400);
    const w = wilsonInterval(8, 10);
    expect(w.estimate).toBe(0.8);
    expect(w.lower).toBeCloseTo(centre - half, 12);
    expect(w.upper).toBeCloseTo(centre + half, 12);
    expect(w.lower).toBeCloseTo(0.4902, 4);
    expect(w.upper).toBeCloseTo(0.9433, 4);
  });
  it("0 of 10 stays inside [0, 1]; n = 0 says nothing", () => {
    const w = wilsonInterval(0, 10);
    expect(w.lower).toBe(0);
    expect(w.upper).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(0, 0)).toEqual({ estimate: Number.NaN, lower: 0, upper: 1, n: 0 });
  });
});

describe("two-proportion z-test", () => {
  it("45/100 vs 30/100 by hand: pooled p = 0.375, z = 0.15/√(0.375·0.625·0.02)", () => {
    const t = twoProportionZTest(45, 100, 30, 100);
    const z = 0.15 / Math.sqrt(0.375 * 0.625 * 0.02);
    expect(t.difference).toBeCloseTo(0.15, 14);
    expect(t.z).toBeCloseTo(z, 12);
    expect(t.z).toBeCloseTo(2.1909, 4);
    expect(t.pValue).toBeCloseTo(0.02846, 4);
  });
  it("no variance means no evidence", () => {
    expect(twoProportionZTest(0, 50, 0, 60)).toMatchObject({ z: 0, pValue: 1 });
  });
});

describe("difference of means", () => {
  it("normal interval with Welch standard error, by hand", () => {
    const a = summarize([1, 2, 3, 4, 5]); // mean 3, sd √2.5
    const b = summarize([2, 4]); // mean 3, sd √2
    expect(a).toEqual({ mean: 3, sd: Math.sqrt(2.5), n: 5 });
    const d = meanDifferenceInterval({ mean: 10, sd: 3, n: 36 }, { mean: 8, sd: 4, n: 64 });
    const se = Math.sqrt(9 / 36 + 16 / 64);
    expect(d.standardError).toBeCloseTo(se, 14);
    expect(d.lower).toBeCloseTo(2 - 1.959963984540054 * se, 12);
    expect(d.upper).toBeCloseTo(2 + 1.959963984540054 * se, 12);
    expect(b.mean - a.mean).toBe(0);
  });
});

describe("bootstrap", () => {
  it("is reproducible per seed and brackets the sample mean", () => {
    const data = Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.7) * 10 + 50);
    const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const a = bootstrapInterval(data, mean, { seed: 3, resamples: 1000 });
    const b = bootstrapInterval(data, mean, { seed: 3, resamples: 1000 });
    expect(a).toEqual(b);
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
    // Roughly ±1.96 standard errors of the mean.
    const se = summarize(data).sd / Math.sqrt(200);
    expect((a.upper - a.lower) / (2 * 1.96 * se)).toBeGreaterThan(0.85);
    expect((a.upper - a.lower) / (2 * 1.96 * se)).toBeLessThan(1.15);
  });
  it("quantiles interpolate like R's type 7", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});
