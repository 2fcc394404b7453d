import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../platform/stats/intervals.ts";
import { defaultWeights, emptyCounts, type Month, type MonthCounts } from "../speedometer/index.ts";
import { estimateEffect } from "./effect.ts";
import { effectWindows } from "./windows.ts";

const before: Month[] = ["2024-01", "2024-02", "2024-03"];
const after: Month[] = ["2024-05", "2024-06", "2024-07"];

/** A month of n equal orders of 200 with `full` of them at full price, and a repeat cohort. */
const month = (full: number, repeat: [number, number] = [0, 0], n = 50): MonthCounts => ({
  ...emptyCounts(),
  orders: n,
  revenue: n * 200,
  revenueFull: full * 200,
  revenueSq: n * 200 * 200,
  ordersFull: full,
  repeatReturned: repeat[0],
  repeatBase: repeat[1],
});
const series = (b: MonthCounts, a: MonthCounts) =>
  new Map([...before.map((m) => [m, b] as const), ...after.map((m) => [m, a] as const)]);

/** SE of a pooled proportion as the module reads it off Wilson's interval. */
const se = (x: number, n: number) => {
  const w = wilsonInterval(x, n);
  return (w.upper - w.lower) / (2 * 1.959963984540054);
};

describe("difference-in-differences", () => {
  it("is (target after − before) − (rest after − before), with the four cells' SEs combined", () => {
    // Full price: target 0.5 → 0.7, rest 0.6 → 0.65; each cell pools 3 × 500 equal orders (n_eff = 1500).
    const e = estimateEffect({
      target: series(month(250, [0, 0], 500), month(350, [0, 0], 500)),
      comparison: series(month(300, [0, 0], 500), month(325, [0, 0], 500)),
      before,
      after,
      windowDays: 30,
      weights: defaultWeights,
    });
    const fp = e.components.fullPrice;
    expect(fp.target.before.value).toBeCloseTo(0.5, 12);
    expect(fp.target.after.value).toBeCloseTo(0.7, 12);
    expect(fp.effect).toBeCloseTo(0.2 - 0.05, 12);
    const s = Math.sqrt(se(750, 1500) ** 2 + se(1050, 1500) ** 2 + se(900, 1500) ** 2 + se(975, 1500) ** 2);
    expect(fp.lower).toBeCloseTo(0.15 - 1.959963984540054 * s, 10);
    expect(fp.upper).toBeCloseTo(0.15 + 1.959963984540054 * s, 10);
    expect(fp.verdict).toBe("improved");
    // Nothing else has data: the CCI is full price alone, so it moves by 100 × the same.
    expect(e.cci.components).toEqual(["fullPrice"]);
    expect(e.cci.effect).toBeCloseTo(15, 8);
    expect(e.components.repeat.verdict).toBe("not_enough_data");
  });

  it("calls no clear change when the interval holds zero, and worsened when it lies below", () => {
    const flat = estimateEffect({
      target: series(month(25), month(27)),
      comparison: series(month(25), month(26)),
      before,
      after,
      windowDays: 30,
      weights: defaultWeights,
    });
    expect(flat.components.fullPrice.verdict).toBe("no_clear_change");
    const worse = estimateEffect({
      target: series(month(40), month(15)),
      comparison: series(month(30), month(30)),
      before,
      after,
      windowDays: 30,
      weights: defaultWeights,
    });
    expect(worse.components.fullPrice.verdict).toBe("worsened");
  });

  it("deflates repeat's sample size by how many monthly cohorts one customer sits in", () => {
    // W = 90 days: a customer sits in ≈ 2.96 consecutive cohorts, so 3 months of 40 count as ≈ 40.5.
    const e = estimateEffect({
      target: series(month(25, [20, 40]), month(25, [30, 40])),
      comparison: null,
      before,
      after,
      windowDays: 90,
      weights: defaultWeights,
    });
    expect(e.components.repeat.target.before).toMatchObject({ value: 0.5, enough: true });
    expect(e.components.repeat.target.before.n).toBeCloseTo(120 / (90 / 30.44), 8);
    // No comparison group (the whole business): a plain after − before.
    expect(e.components.repeat.comparison).toBeNull();
    expect(e.components.repeat.effect).toBeCloseTo(0.25, 12);
  });

  it("says not enough data when any cell is below 30", () => {
    const thin: MonthCounts = {
      ...month(5),
      orders: 5,
      revenue: 1000,
      revenueFull: 500,
      revenueSq: 5 * 200 * 200,
    };
    const e = estimateEffect({
      target: series(thin, thin),
      comparison: series(month(30), month(30)),
      before,
      after,
      windowDays: 30,
      weights: defaultWeights,
    });
    expect(e.components.fullPrice).toMatchObject({ verdict: "not_enough_data", effect: null });
    expect(e.cci.verdict).toBe("not_enough_data");
  });
});

describe("effect windows", () => {
  it("compares up to six complete months after the start month with the six before", () => {
    expect(effectWindows("2024-04", "2024-10")).toEqual({
      startMonth: "2024-04",
      before: { from: "2023-10", to: "2024-03" },
      after: { from: "2024-05", to: "2024-10" },
      monthsAfter: 6,
    });
    expect(effectWindows("2024-04", "2024-06").monthsAfter).toBe(2);
    expect(effectWindows("2024-04", "2024-04")).toMatchObject({ after: null, monthsAfter: 0 });
  });
});
