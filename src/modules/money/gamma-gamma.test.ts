import { describe, expect, it } from "vitest";
import { loadCdnowSummary } from "./cdnow-fixture.ts";
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLik, spendRows } from "./gamma-gamma.ts";

describe("Gamma-Gamma on CDNOW (946 customers with repeat purchases)", () => {
  const customers = loadCdnowSummary();
  const rows = spendRows(
    Float64Array.from(customers, (c) => c.x),
    Float64Array.from(customers, (c) => c.zbar),
  );
  const fit = fitGammaGamma(rows);

  it("p, q, γ = 6.25, 3.74, 15.44 (± 0.01)", () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.01);
    expect(gammaGammaLogLik({ p: 6.25, q: 3.74, gamma: 15.44 }, rows)).toBeCloseTo(-4055.92, 2);
    expect(fit.logLik).toBeGreaterThanOrEqual(gammaGammaLogLik({ p: 6.25, q: 3.74, gamma: 15.44 }, rows));
  });

  it("expected average spend of customers 1–10 (Hardie's spreadsheet, ± 0.01)", () => {
    const want = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    customers.slice(0, 10).forEach((c, i) => {
      expect(Math.abs(gammaGammaExpectedSpend(fit.params, c.x, c.zbar) - (want[i] as number))).toBeLessThan(
        0.01,
      );
    });
  });
});

describe("Gamma-Gamma expressions", () => {
  it("the density of z̄ integrates to 1 (x = 1 and x = 3)", () => {
    const p = { p: 2.5, q: 3.2, gamma: 12 };
    for (const x of [1, 3]) {
      // Midpoint rule in u = log z̄ over a wide range.
      let total = 0;
      const m = 40000;
      const lo = Math.log(1e-6);
      const du = (Math.log(1e6) - lo) / m;
      for (let k = 0; k < m; k++) {
        const z = Math.exp(lo + (k + 0.5) * du);
        const ll = gammaGammaLogLik(p, {
          x: Float64Array.of(x),
          zbar: Float64Array.of(z),
          weight: Float64Array.of(1),
        });
        total += Math.exp(ll) * z * du;
      }
      expect(total).toBeCloseTo(1, 6);
    }
  });

  it("expected spend by hand: a shrinkage between pγ/(q−1) and z̄", () => {
    const p = { p: 6, q: 4, gamma: 15 };
    // population mean 6·15/3 = 30; x = 2, z̄ = 50: weight on z̄ = 12/15 = 0.8 → 0.2·30 + 0.8·50 = 46
    expect(gammaGammaExpectedSpend(p, 2, 50)).toBeCloseTo(46, 12);
    expect(gammaGammaExpectedSpend(p, 0, 0)).toBeCloseTo(30, 12);
    expect(gammaGammaExpectedSpend({ ...p, q: 0.9 }, 2, 50)).toBeNaN();
  });

  it("spendRows keeps customers with repeat purchases and merges equal (x, z̄)", () => {
    const rows = spendRows([0, 1, 1, 2, 3], [0, 10, 10, 0, 7.5]);
    expect(Array.from(rows.x)).toEqual([1, 3]);
    expect(Array.from(rows.weight)).toEqual([2, 1]);
  });

  it("refuses too little data", () => {
    expect(() => fitGammaGamma(spendRows([1], [10]))).toThrow(/at least two/);
  });
});
