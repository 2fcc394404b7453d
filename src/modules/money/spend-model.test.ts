import { describe, expect, it } from "vitest";
import { loadCdnowSummary } from "./cdnow-fixture.ts";
import { chooseSpendModel, expectedSpendOf, frequencySpendCorrelation } from "./spend-model.ts";

const cdnow = loadCdnowSummary();
const x = cdnow.map((c) => c.x);
const zbar = cdnow.map((c) => c.zbar);

describe("chooseSpendModel", () => {
  it("CDNOW: Gamma-Gamma (Fader & Hardie 2013: p 6.25, q 3.74, γ 15.44); spend barely tracks frequency", () => {
    const m = chooseSpendModel(x, zbar);
    if (m.kind !== "gamma-gamma") throw new Error("expected Gamma-Gamma");
    expect(m.fit.params.p).toBeCloseTo(6.25, 2);
    expect(m.fit.params.q).toBeCloseTo(3.74, 2);
    expect(m.fit.params.gamma).toBeCloseTo(15.44, 1);
    expect(m.customers).toBe(946);
    expect(Math.abs(m.correlation)).toBeLessThan(0.2);
    // Customer 1 (x 2, z̄ 22.35): the note's conditional expectation 24.65 (from its rounded parameters)
    expect(expectedSpendOf(m, 2, 22.35)).toBeCloseTo(24.65, 1);
  });

  it("too few repeat buyers: the mean value of a repeat occasion, weighted by occasions", () => {
    const m = chooseSpendModel([1, 3, 0], [10, 20, 0]);
    expect(m).toMatchObject({ kind: "mean", reason: "too_few_repeat_customers", customers: 2 });
    expect(m.meanSpend).toBeCloseTo((10 + 60) / 4, 12);
    expect(expectedSpendOf(m, 5, 1000)).toBeCloseTo(17.5, 12);
  });

  it("spend that rises with frequency: Gamma-Gamma's independence fails, say so", () => {
    const xs = Array.from({ length: 200 }, (_, i) => 1 + (i % 10));
    const zs = xs.map((v, i) => v * 10 + (i % 7));
    expect(frequencySpendCorrelation(xs, zs)).toBeGreaterThan(0.9);
    expect(chooseSpendModel(xs, zs)).toMatchObject({ kind: "mean", reason: "frequency_spend_correlated" });
  });
});
