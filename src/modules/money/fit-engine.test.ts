import { describe, expect, it } from "vitest";
import type { AggregateDays } from "./aggregates.ts";
import { bgnbdProbabilityAlive } from "./bgnbd.ts";
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, loadCdnowTransactions } from "./cdnow-fixture.ts";
import { fitAggregates } from "./fit-engine.ts";
import { paretoNbdProbabilityAlive } from "./pareto-nbd.ts";
import { utcDay } from "./summary.ts";
import { aggregatesFromTransactions } from "./test-aggregates.ts";

const tx = loadCdnowTransactions();
const cal = utcDay(CDNOW_CALIBRATION_END);
const settings = { horizonMonths: 12, margin: 0.3, annualDiscountRate: 0.1 };
const calDays: AggregateDays = { end: cal, cutoff: null, previous: cal - 30, revenueFrom: cal - 364 };
const agg = aggregatesFromTransactions(tx, calDays);
const outcome = fitAggregates(agg, calDays, settings, "too_short");

describe("a workspace fit on CDNOW, calibration to 1997-09-30", () => {
  it("BG/NBD reproduces the published optimum (CLVTools: 0.2425945, 4.4136019, 0.7929199, 2.4258881)", () => {
    const p = outcome.purchase.params;
    expect(Math.abs(p.r - 0.2425945)).toBeLessThan(1e-4);
    expect(Math.abs(p.alpha - 4.4136019)).toBeLessThan(1e-3);
    expect(Math.abs(p.a - 0.7929199)).toBeLessThan(1e-3);
    expect(Math.abs(p.b - 2.4258881)).toBeLessThan(1e-3);
    expect(outcome.customers).toBe(2357);
    expect(outcome.repeatCustomers).toBe(946);
  });

  it("P(alive) from Pareto/NBD (published r 0.553, α 10.578, s 0.606, β 11.669): one-time buyers fade", () => {
    if (outcome.alive.kind !== "pareto-nbd") throw new Error("expected Pareto/NBD");
    const p = outcome.alive.fit.params;
    expect(p.r).toBeCloseTo(0.553, 2);
    expect(p.alpha).toBeCloseTo(10.578, 0);
    expect(p.s).toBeCloseTo(0.606, 1);
    expect(outcome.alive.subsample).toBeNull();
    // Customer 3 bought once, on 1997-01-01: BG/NBD would say 1; Pareto/NBD says much less.
    const i = 2;
    expect(agg.x[i]).toBe(0);
    expect(bgnbdProbabilityAlive(outcome.purchase.params, 0, 0, 38.86)).toBe(1);
    expect(outcome.values.pAlive[i]).toBeCloseTo(paretoNbdProbabilityAlive(p, 0, 0, 272 / 7), 12);
    expect(outcome.values.pAlive[i]).toBeLessThan(0.5);
  });

  it("P(alive) a period earlier is never lower for customers who did not buy since", () => {
    let checked = 0;
    for (let i = 0; i < agg.x.length; i++) {
      if ((agg.lastDay[i] as number) > calDays.previous) continue;
      expect(outcome.values.pAlivePrevious[i] as number).toBeGreaterThanOrEqual(
        (outcome.values.pAlive[i] as number) - 1e-12,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it("Gamma-Gamma on the exact mean spends lands at the note's p 6.25, q 3.74, γ 15.44", () => {
    if (outcome.spend.kind !== "gamma-gamma") throw new Error("expected Gamma-Gamma");
    const p = outcome.spend.fit.params;
    expect(p.p).toBeCloseTo(6.25, 1);
    expect(p.q).toBeCloseTo(3.74, 1);
    expect(p.gamma).toBeCloseTo(15.44, 0);
    expect(Math.abs(outcome.spend.correlation)).toBeLessThan(0.3);
  });

  it("CLV and expected purchases are positive and finite for everyone", () => {
    for (let i = 0; i < agg.x.length; i++) {
      expect(outcome.values.clv[i]).toBeGreaterThan(0);
      expect(Number.isFinite(outcome.values.expectedPurchases[i])).toBe(true);
    }
    expect(outcome.holdout).toBeNull();
    expect(outcome.holdoutSkipped).toBe("too_short");
  });
});

describe("the holdout check inside a fit", () => {
  it("fits to the cut-off and scores the 39 holdout weeks", () => {
    const end = utcDay(CDNOW_HOLDOUT_END);
    const d: AggregateDays = { end, cutoff: cal, previous: end - 30, revenueFrom: end - 364 };
    const o = fitAggregates(aggregatesFromTransactions(tx, d), d, settings);
    const h = o.holdout;
    if (!h) throw new Error("no holdout");
    expect(h.cutoff).toBe("1997-09-30");
    expect(h.end).toBe("1998-06-30");
    expect(h.weeks).toBe(39);
    expect(h.totalActual).toBe(1882);
    expect(Math.abs(h.params.r - 0.2425945)).toBeLessThan(1e-4);
    expect(h.meanAbsoluteError).toBeLessThan(h.naiveMeanAbsoluteError);
    expect(o.tracking?.length).toBe(78);
    expect(o.tracking?.filter((p) => p.phase === "calibration").length).toBe(39);
    expect(o.tracking?.at(-1)).toMatchObject({ date: "1998-06-30", actual: 2457 + 1882 });
  });
});

describe("the spend fallback", () => {
  it("keeps each customer's discounted purchases and swaps in the mean spend", () => {
    // Spend per occasion rising with the number of purchases breaks Gamma-Gamma's independence.
    const skewed = { ...agg, repeatSpend: Float64Array.from(agg.x, (x) => x * x * 10) };
    const o = fitAggregates(skewed, calDays, settings);
    if (o.spend.kind !== "mean") throw new Error("expected the fallback");
    expect(o.spend.reason).toBe("frequency_spend_correlated");
    let occasions = 0;
    let value = 0;
    agg.x.forEach((x) => {
      occasions += x;
      value += x * x * 10;
    });
    expect(o.spend.meanSpend).toBeCloseTo(value / occasions, 9);
    for (const i of [0, 1, 2, 100, 2000]) {
      expect(o.values.expectedSpend[i]).toBeCloseTo(value / occasions, 9);
      const perUnit = (o.values.clv[i] as number) / (o.values.expectedSpend[i] as number);
      const want = (outcome.values.clv[i] as number) / (outcome.values.expectedSpend[i] as number);
      expect(perUnit / want).toBeCloseTo(1, 10);
    }
  });
});
