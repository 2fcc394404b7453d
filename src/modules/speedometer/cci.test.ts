import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../platform/stats/random.ts";
import { computeCci } from "./cci.ts";
import { countProportion, revenueShare } from "./proportion.ts";
import { defaultWeights } from "./settings.ts";
import { type ComponentKey, componentKeys, type Proportion } from "./types.ts";

const props = (values: Record<ComponentKey, [number, number]>): Record<ComponentKey, Proportion> =>
  Object.fromEntries(componentKeys.map((k) => [k, countProportion(values[k][0], values[k][1])])) as Record<
    ComponentKey,
    Proportion
  >;

describe("CCI", () => {
  it("is 100 × the weighted mean, by hand", () => {
    const c = computeCci(
      props({
        repeat: [40, 100], // 0.4 × 0.30
        fullPrice: [80, 100], // 0.8 × 0.20
        recovery: [50, 100], // 0.5 × 0.20
        waitTolerance: [90, 100], // 0.9 × 0.15
        referral: [10, 100], // 0.1 × 0.15
      }),
      defaultWeights,
    );
    // 100 × (0.12 + 0.16 + 0.10 + 0.135 + 0.015) = 53
    expect(c.value).toBeCloseTo(53, 10);
    expect(c.lower! < 53 && c.upper! > 53).toBe(true);
  });

  it("renormalises the weights over the components with enough data", () => {
    const c = computeCci(
      props({
        repeat: [40, 100],
        fullPrice: [80, 100],
        recovery: [5, 10],
        waitTolerance: [1, 2],
        referral: [10, 100],
      }),
      defaultWeights,
    );
    // recovery and wait lack data: weights 0.30, 0.20, 0.15 over 0.65.
    expect(c.weightsUsed).toEqual({ repeat: 0.3 / 0.65, fullPrice: 0.2 / 0.65, referral: 0.15 / 0.65 });
    expect(c.value).toBeCloseTo((100 * (0.3 * 0.4 + 0.2 * 0.8 + 0.15 * 0.1)) / 0.65, 10);
  });

  it("has no value when no component has enough data", () => {
    const c = computeCci(
      props({ repeat: [1, 2], fullPrice: [1, 2], recovery: [1, 2], waitTolerance: [1, 2], referral: [0, 0] }),
      defaultWeights,
    );
    expect(c).toMatchObject({ value: null, lower: null, upper: null, enough: false, weightsUsed: {} });
  });

  const anyProportion = fc
    .tuple(fc.nat(400), fc.nat(400), fc.boolean())
    .map(([a, b, revenue]) =>
      revenue
        ? revenueShare(Math.min(a, b) * 10, Math.max(a, b) * 10, Math.max(a, b), Math.max(a, b) * 100)
        : countProportion(Math.min(a, b), Math.max(a, b)),
    );
  const anyComponents = fc.record(
    Object.fromEntries(componentKeys.map((k) => [k, anyProportion])) as Record<
      ComponentKey,
      typeof anyProportion
    >,
  );
  const anyWeights = fc.record(
    Object.fromEntries(componentKeys.map((k) => [k, fc.double({ min: 0, max: 5, noNaN: true })])) as Record<
      ComponentKey,
      fc.Arbitrary<number>
    >,
  );

  it("stays in [0, 100], interval included, and uses weights summing to 1", () => {
    fc.assert(
      fc.property(anyComponents, anyWeights, (comps, weights) => {
        const c = computeCci(comps, weights);
        if (c.value === null) return;
        for (const x of [c.value, c.lower, c.upper]) expect(x! >= 0 && x! <= 100).toBe(true);
        expect(c.lower! <= c.value && c.value <= c.upper!).toBe(true);
        const sum = Object.values(c.weightsUsed).reduce((s, w) => s + w, 0);
        expect(sum).toBeCloseTo(1, 10);
      }),
    );
  });

  it("equals the CCI of the present components alone when a component lacks data", () => {
    fc.assert(
      fc.property(anyComponents, fc.constantFrom(...componentKeys), (comps, missing) => {
        const without = { ...comps, [missing]: countProportion(0, 0) };
        const only = componentKeys.filter((k) => k !== missing);
        expect(computeCci(without, defaultWeights).value).toEqual(
          computeCci(comps, defaultWeights, only).value,
        );
      }),
    );
  });

  it("covers the true index about 95% of the time (simulation, delta method)", () => {
    const rng = createRandom(7);
    const truth: Record<ComponentKey, number> = {
      repeat: 0.35,
      fullPrice: 0.7,
      recovery: 0.5,
      waitTolerance: 0.85,
      referral: 0.08,
    };
    const sizes: Record<ComponentKey, number> = {
      repeat: 400,
      fullPrice: 300,
      recovery: 60,
      waitTolerance: 80,
      referral: 200,
    };
    const trueCci = 100 * componentKeys.reduce((s, k) => s + defaultWeights[k] * truth[k], 0);
    let covered = 0;
    const runs = 2000;
    for (let r = 0; r < runs; r++) {
      const comps = {} as Record<ComponentKey, Proportion>;
      for (const k of componentKeys) {
        let x = 0;
        for (let i = 0; i < sizes[k]; i++) if (rng.uniform() < truth[k]) x++;
        comps[k] = countProportion(x, sizes[k]);
      }
      const c = computeCci(comps, defaultWeights);
      if (c.lower! <= trueCci && trueCci <= c.upper!) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.93);
    expect(covered / runs).toBeLessThan(0.975);
  });
});
