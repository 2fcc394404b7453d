import { describe, expect, it } from "vitest";
import { deriveSeed, Rng } from "./random.ts";

describe("Rng", () => {
  it("repeats itself for the same seed and differs for another", () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(7)),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(7)),
    );
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(8)),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("derives unrelated streams: (seed, part) pairs do not collide by symmetry", () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 50; seed++)
      for (let part = 0; part < 200; part++) seeds.add(deriveSeed(seed, part));
    expect(seeds.size).toBe(50 * 200);
  });

  it("draws with the right ranges and means", () => {
    const r = new Rng(1);
    const n = 20_000;
    let uniform = 0;
    let normal = 0;
    let poisson = 0;
    let gamma = 0;
    let beta = 0;
    for (let i = 0; i < n; i++) {
      const k = r.int(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
      uniform += r.next();
      normal += r.normal(2, 1);
      poisson += r.poisson(4);
      gamma += r.gamma(2, 3);
      beta += r.beta(2, 6);
    }
    expect(uniform / n).toBeCloseTo(0.5, 1);
    expect(normal / n).toBeCloseTo(2, 1);
    expect(poisson / n).toBeCloseTo(4, 1);
    expect(gamma / n / 6).toBeCloseTo(1, 1);
    expect(beta / n).toBeCloseTo(0.25, 1);
  });

  it("picks by weight and shuffles without losing anything", () => {
    const r = new Rng(2);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted({ light: 1, heavy: 9 }) === "heavy") heavy++;
    expect(heavy / 10_000).toBeCloseTo(0.9, 1);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
