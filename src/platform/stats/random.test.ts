import { describe, expect, it } from "vitest";
import { createRandom } from "./random.ts";

describe("createRandom", () => {
  it("is reproducible per seed and different across seeds", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(sa);
    expect(sa.every((u) => u > 0 && u < 1)).toBe(true);
  });
  it("draws have the right means and variances", () => {
    const rng = createRandom(7);
    const n = 200_000;
    const mean = (f: () => number) => {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = f();
        s += v;
        s2 += v * v;
      }
      return { m: s / n, v: s2 / n - (s / n) ** 2 };
    };
    const g = mean(() => rng.gamma(0.25, 4)); // mean 1/16, variance 1/64
    expect(g.m).toBeCloseTo(0.0625, 2);
    expect(g.v).toBeCloseTo(1 / 64, 2);
    const g2 = mean(() => rng.gamma(6.25, 2));
    expect(g2.m).toBeCloseTo(3.125, 1);
    const be = mean(() => rng.beta(0.8, 2.4)); // mean 0.25
    expect(be.m).toBeCloseTo(0.25, 2);
    const z = mean(() => rng.normal());
    expect(z.m).toBeCloseTo(0, 2);
    expect(z.v).toBeCloseTo(1, 1);
    expect(mean(() => rng.exponential(2)).m).toBeCloseTo(0.5, 2);
  });
});
