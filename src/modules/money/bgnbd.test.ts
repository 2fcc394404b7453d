import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BgNbdParams,
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdLogLik,
  bgnbdProbabilityAlive,
  bgnbdProbabilityPurchases,
  fitBgNbd,
} from "./bgnbd.ts";
import { bgnbdLikelihood } from "./bgnbd-likelihood.ts";
import { cdnowCsvRows, cdnowExactRows } from "./cdnow-fixture.ts";

// Fader, Hardie & Lee (2005), Table/text; CLVTools' own optimum on the same data (see SOURCE.md).
const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CLVTOOLS: BgNbdParams = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };

const expectParams = (got: BgNbdParams, want: BgNbdParams, tol: number) => {
  for (const k of ["r", "alpha", "a", "b"] as const) expect(Math.abs(got[k] - want[k])).toBeLessThan(tol);
};

describe("BG/NBD on CDNOW (2,357 customers, 39-week calibration)", () => {
  const csv = fitBgNbd(cdnowCsvRows());
  const exact = fitBgNbd(cdnowExactRows());

  it("reproduces r, α, a, b within 0.001 and the log-likelihood −9582.43 ± 0.01", () => {
    expect(csv.customers).toBe(2357);
    expect(csv.converged).toBe(true);
    expectParams(csv.params, CLVTOOLS, 0.001);
    expect(Math.abs(csv.logLik - -9582.43)).toBeLessThan(0.01);
    // From the raw transactions (unrounded t_x, T) the optimum is CLVTools' to 2e-5 and so is the LL.
    expectParams(exact.params, CLVTOOLS, 2e-5);
    expect(Math.abs(exact.logLik - -9582.429)).toBeLessThan(0.001);
    // The paper's rounded estimates round the same way.
    expectParams(csv.params, PAPER, 0.0006);
  });

  it("standard errors match lifetimes' (Quickstart: 0.012557, 0.378221, 0.185719, 0.705345)", () => {
    const se = csv.standardErrors;
    expect(se.r).toBeCloseTo(0.012557, 5);
    expect(se.alpha).toBeCloseTo(0.378221, 5);
    expect(se.a).toBeCloseTo(0.185719, 5);
    expect(se.b).toBeCloseTo(0.705345, 5);
  });

  it("E[X(t)] at the published weeks", () => {
    const weeks = [0.1429, 1, 3, 31.8571, 32, 78];
    const published = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    weeks.forEach((t, i) => {
      // Four decimals published; at 78 weeks our 1.85797 is 0.0004 above (the reference was computed
      // from another package's estimates), hence half a unit of the third decimal for all six.
      expect(Math.abs(bgnbdExpectedPurchases(csv.params, t) - (published[i] as number))).toBeLessThan(0.0005);
    });
    expect(bgnbdExpectedPurchases(csv.params, 1)).toBeCloseTo(0.0532, 4);
  });

  it("E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226", () => {
    expect(bgnbdConditionalExpected(csv.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it("P(X(t) = n) with the paper's parameters", () => {
    expect(bgnbdProbabilityPurchases(PAPER, 39, 0)).toBeCloseTo(0.5737864, 7);
    expect(bgnbdProbabilityPurchases(PAPER, 2, 10) / 1.07869e-7 - 1).toBeCloseTo(0, 5);
    const p30 = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913,
      0.0003467171, 0.0002769613, 0.000222226,
    ];
    p30.forEach((want, i) => {
      expect(bgnbdProbabilityPurchases(PAPER, 30, 11 + i)).toBeCloseTo(want, 10);
    });
  });

  it("log-likelihood at the paper's estimates is −9582.43", () => {
    expect(bgnbdLogLik(PAPER, cdnowCsvRows())).toBeCloseTo(-9582.43, 2);
  });
});

describe("BG/NBD internals", () => {
  it("analytic gradient agrees with central differences", () => {
    const lik = bgnbdLikelihood(cdnowCsvRows());
    const theta = [0.31, 5.2, 0.6, 3.1];
    const g = new Float64Array(4);
    lik.evaluate(theta, g);
    theta.forEach((v, i) => {
      const h = 1e-6 * v;
      const up = [...theta];
      const down = [...theta];
      up[i] = v + h;
      down[i] = v - h;
      const numeric = (lik.evaluate(up) - lik.evaluate(down)) / (2 * h);
      expect(Math.abs((g[i] as number) - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
    });
  });

  it("eq. (8) and eq. (9) agree: Σ P(X(t)=n) = 1 and Σ n P(X(t)=n) = E[X(t)]", () => {
    for (const t of [1, 10, 39]) {
      let mass = 0;
      let mean = 0;
      for (let n = 0; n < 3000; n++) {
        const p = bgnbdProbabilityPurchases(PAPER, t, n);
        mass += p;
        mean += n * p;
      }
      expect(mass).toBeCloseTo(1, 6);
      expect(mean / bgnbdExpectedPurchases(PAPER, t)).toBeCloseTo(1, 3);
    }
  });

  it("is continuous through its removable singularities a = 1 and a + b = 1", () => {
    const near = (a: number, b: number) => ({ r: 0.5, alpha: 3, a, b });
    // At the singular point the value equals the mean of its neighbours to O(h²).
    const at = bgnbdExpectedPurchases(near(1, 2), 20);
    const around =
      (bgnbdExpectedPurchases(near(1.001, 2), 20) + bgnbdExpectedPurchases(near(0.999, 2), 20)) / 2;
    expect(at).toBeCloseTo(around, 6);
    const c0 = bgnbdConditionalExpected(near(0.4, 0.6), 20, 0, 0, 30);
    const c0around =
      (bgnbdConditionalExpected(near(0.4, 0.601), 20, 0, 0, 30) +
        bgnbdConditionalExpected(near(0.4, 0.599), 20, 0, 0, 30)) /
      2;
    expect(Number.isFinite(c0)).toBe(true);
    expect(c0).toBeCloseTo(c0around, 6);
  });

  it("P(alive) is 1 without repeat purchases and falls with time since the last one", () => {
    expect(bgnbdProbabilityAlive(PAPER, 0, 0, 38)).toBe(1);
    expect(bgnbdProbabilityAlive(PAPER, 3, 30, 38)).toBeGreaterThan(bgnbdProbabilityAlive(PAPER, 3, 5, 38));
  });

  it("refuses data without repeat purchases", () => {
    const rows = {
      x: Float64Array.of(0, 0),
      tx: Float64Array.of(0, 0),
      T: Float64Array.of(5, 6),
      weight: Float64Array.of(1, 1),
    };
    expect(() => fitBgNbd(rows)).toThrow(/repeat purchase/);
  });
});

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});

describe("BG/NBD properties", () => {
  it("P(alive) ∈ [0, 1]", () => {
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        (p, x, f, T) => {
          const v = bgnbdProbabilityAlive(p, x, x === 0 ? 0 : f * T, T);
          return v >= 0 && v <= 1;
        },
      ),
    );
  });
  it("E[X(t)] and E[Y(t) | …] are non-negative and increase with t", () => {
    fc.assert(
      fc.property(
        params,
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        (p, t, x) => {
          const e1 = bgnbdExpectedPurchases(p, t);
          const e2 = bgnbdExpectedPurchases(p, t * 1.5);
          const c1 = bgnbdConditionalExpected(p, t, x, x > 0 ? 10 : 0, 20);
          const c2 = bgnbdConditionalExpected(p, t * 1.5, x, x > 0 ? 10 : 0, 20);
          return e1 >= 0 && e2 >= e1 * (1 - 1e-9) && c1 >= 0 && c2 >= c1 * (1 - 1e-9);
        },
      ),
    );
  });
});
