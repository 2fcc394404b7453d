import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgnbdConditionalExpected } from "./bgnbd.ts";
import { type ClvSettings, customerValues, discountedValue, type PurchaseModel } from "./clv.ts";
import { gammaGammaExpectedSpend } from "./gamma-gamma.ts";

const BG: PurchaseModel = { kind: "bgnbd", params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("discountedValue", () => {
  it("by hand: 0.5 purchases a month, spend 40, margin 0.3, 12% a year, 3 months", () => {
    // Each month is worth 0.5 · 40 · 0.3 = 6, discounted at 1.12^(k/12):
    // 6/1.12^(1/12) + 6/1.12^(2/12) + 6/1.12^(3/12) = 5.943602 + 5.887735 + 5.832393 = 17.663730
    const v = discountedValue((t) => 0.5 * t, 1, 40, {
      horizonMonths: 3,
      margin: 0.3,
      annualDiscountRate: 0.12,
    });
    expect(v.purchases).toBeCloseTo(1.5, 14);
    expect(v.clv).toBeCloseTo(17.66372980352893, 12);
  });

  it("works in weeks: a month is 365.25/12/7 weeks", () => {
    const monthInWeeks = 365.25 / 12 / 7;
    const v = discountedValue((t) => t / monthInWeeks, monthInWeeks, 10, {
      horizonMonths: 12,
      margin: 1,
      annualDiscountRate: 0,
    });
    expect(v.purchases).toBeCloseTo(12, 12);
    expect(v.clv).toBeCloseTo(120, 10);
  });
});

describe("customerValues", () => {
  const summary = {
    customerIds: ["a", "b", "c"],
    x: Float64Array.of(2, 0, 2),
    tx: Float64Array.of(30.43, 0, 30.43),
    T: Float64Array.of(38.86, 38.86, 38.86),
    meanSpend: Float64Array.of(22.35, 0, 60),
    unit: "weeks" as const,
  };
  const settings: ClvSettings = { horizonMonths: 12, margin: 0.25, annualDiscountRate: 0.1 };

  it("equals the formula in clv.ts written out for one customer", () => {
    const v = customerValues(BG, GG, summary, settings);
    const u = 365.25 / 12 / 7;
    let clv = 0;
    for (let k = 1; k <= 12; k++) {
      const inMonth =
        bgnbdConditionalExpected(BG.params, k * u, 2, 30.43, 38.86) -
        bgnbdConditionalExpected(BG.params, (k - 1) * u, 2, 30.43, 38.86);
      clv += (inMonth * gammaGammaExpectedSpend(GG, 2, 22.35) * 0.25) / 1.1 ** (k / 12);
    }
    expect(v.clv[0]).toBeCloseTo(clv, 12);
    expect(v.expectedPurchases[0]).toBeCloseTo(
      bgnbdConditionalExpected(BG.params, 12 * u, 2, 30.43, 38.86),
      12,
    );
    expect(v.expectedSpend[1]).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(v.pAlive[1]).toBe(1);
    // Same purchase history, higher spend → proportionally higher CLV (one shared purchase row).
    expect((v.clv[2] as number) / (v.clv[0] as number)).toBeCloseTo(
      gammaGammaExpectedSpend(GG, 2, 60) / gammaGammaExpectedSpend(GG, 2, 22.35),
      12,
    );
  });

  it("works with the Pareto/NBD too", () => {
    const pnbd: PurchaseModel = {
      kind: "pareto-nbd",
      params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
    };
    const v = customerValues(pnbd, GG, summary, settings);
    expect(v.pAlive[0]).toBeGreaterThan(0);
    expect(v.pAlive[0]).toBeLessThan(1);
    expect(v.clv[0]).toBeGreaterThan(0);
  });

  it("properties: CLV ≥ 0, grows with margin and horizon, shrinks with the discount rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 36 }),
        (x, f, spend, rate, margin, horizon) => {
          const s = {
            ...summary,
            customerIds: ["z"],
            x: Float64Array.of(x),
            tx: Float64Array.of(x > 0 ? f * 38 : 0),
            T: Float64Array.of(38),
            meanSpend: Float64Array.of(x > 0 ? spend : 0),
          };
          const base = { horizonMonths: horizon, margin, annualDiscountRate: rate };
          const clv = (o: Partial<ClvSettings>) =>
            customerValues(BG, GG, s, { ...base, ...o }).clv[0] as number;
          const v = clv({});
          return (
            v >= 0 &&
            clv({ margin: Math.min(1, margin + 0.01) }) >= v &&
            clv({ horizonMonths: horizon + 1 }) >= v &&
            clv({ annualDiscountRate: rate + 0.05 }) <= v
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
