import { describe, expect, it } from "vitest";
import {
  type AggregateDays,
  dayToIso,
  holdoutCutoffDay,
  holdoutSummary,
  isoToDay,
  mainSummary,
  occasionAccumulator,
  previousSummary,
} from "./aggregates.ts";
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, loadCdnowTransactions } from "./cdnow-fixture.ts";
import { holdoutCheck } from "./holdout.ts";
import { holdoutFromSummary, naiveMeanAbsoluteError } from "./holdout-summary.ts";
import { summarizeTransactions, utcDay } from "./summary.ts";
import { aggregatesFromTransactions } from "./test-aggregates.ts";

const tx = loadCdnowTransactions();
const cal = utcDay(CDNOW_CALIBRATION_END);
const end = utcDay(CDNOW_HOLDOUT_END);
const days: AggregateDays = { end, cutoff: cal, previous: end - 30, revenueFrom: end - 364 };
const agg = aggregatesFromTransactions(tx, days);

describe("summaries from per-customer aggregates (the SQL's output) match summarizeTransactions", () => {
  it("the holdout summary: calibration to 1997-09-30, holdout to 1998-06-30", () => {
    const want = summarizeTransactions(tx, {
      calibrationEnd: CDNOW_CALIBRATION_END,
      holdoutEnd: CDNOW_HOLDOUT_END,
    });
    const got = holdoutSummary(agg, days);
    if (!got) throw new Error("no holdout summary");
    expect(got.customerIds).toEqual(want.customerIds);
    for (const k of ["x", "tx", "T", "firstDay", "holdoutX"] as const) expect(got[k]).toEqual(want[k]);
    expect(new Map([...got.repeatsByDay].sort())).toEqual(new Map([...want.repeatsByDay].sort()));
    expect(got.calibrationEndDay).toBe(want.calibrationEndDay);
    expect(got.holdoutEndDay).toBe(want.holdoutEndDay);
  });

  it("the main summary with its mean repeat spend, and the summary one period earlier", () => {
    const asOfCal = { ...days, end: cal, cutoff: null };
    const a = aggregatesFromTransactions(tx, asOfCal);
    const want = summarizeTransactions(tx, { calibrationEnd: CDNOW_CALIBRATION_END });
    const got = mainSummary(a, asOfCal);
    for (const k of ["x", "tx", "T", "firstDay"] as const) expect(got[k]).toEqual(want[k]);
    // Same values, summed in another order: equal to the last few bits.
    got.meanSpend.forEach((m, i) => {
      expect(m).toBeCloseTo(want.meanSpend[i] as number, 9);
    });
    const prev = previousSummary(agg, days);
    const wantPrev = summarizeTransactions(tx, { calibrationEnd: Date.UTC(1998, 4, 31) }); // end − 30 days
    expect(prev.index.length).toBe(wantPrev.customerIds.length);
    expect(prev.x).toEqual(wantPrev.x);
    expect(prev.tx).toEqual(wantPrev.tx);
    expect(prev.T).toEqual(wantPrev.T);
  });

  it("revenue of the last 12 months and the last purchase day, by hand for customer 1", () => {
    // Customer 1: 1997-01-01 29.33, 1997-01-18 29.73, 1997-08-02 14.96, 1997-12-12 26.48; the window is
    // 1997-07-02..1998-06-30, so 14.96 + 26.48.
    expect(agg.revenue12m[0]).toBeCloseTo(41.44, 10);
    expect(dayToIso(agg.lastDay[0] as number)).toBe("1997-12-12");
  });
});

describe("occasions with an order in another currency", () => {
  it("count as purchases; only valued occasions make the mean spend; revenue keeps the known part", () => {
    // One customer: trial on day 100 (40.00), repeats on 110 (30.00), 120 (USD order only: value 0 and
    // not valued), 130 (a mixed day: 25.00 in the workspace's currency plus a USD order: not valued).
    const d: AggregateDays = { end: 200, cutoff: null, previous: 170, revenueFrom: 0 };
    const acc = occasionAccumulator(d);
    acc.add(1, 100, 40, true);
    acc.add(1, 110, 30, true);
    acc.add(1, 120, 0, false);
    acc.add(1, 130, 25, false);
    const a = acc.finish();
    expect(a.x[0]).toBe(3);
    expect(a.valuedX[0]).toBe(1);
    expect(a.repeatSpend[0]).toBe(30);
    expect(a.revenue12m[0]).toBe(40 + 30 + 25);
    expect(a.unvaluedOccasions).toBe(2);
    const s = mainSummary(a, d);
    expect(s.x[0]).toBe(3);
    expect(s.tx[0]).toBeCloseTo(30 / 7, 12);
    expect(s.spendX?.[0]).toBe(1);
    expect(s.meanSpend[0]).toBe(30);
  });
});

describe("holdoutFromSummary", () => {
  it("gives holdoutCheck's result on CDNOW exactly", () => {
    const want = holdoutCheck(tx, { calibrationEnd: CDNOW_CALIBRATION_END, holdoutEnd: CDNOW_HOLDOUT_END });
    const hs = holdoutSummary(agg, days);
    if (!hs) throw new Error("no holdout summary");
    const got = holdoutFromSummary(hs);
    expect(got.fit.params).toEqual(want.fit.params);
    expect(got.predicted).toEqual(want.predicted);
    expect(got.meanAbsoluteError).toBe(want.meanAbsoluteError);
    expect(got.totalPredicted).toBe(want.totalPredicted);
    expect(got.totalActual).toBe(1882);
    expect(got.tracking).toEqual(want.tracking);
    expect(got.calibrationPeriods).toBe(39);
    // and it beats the run-rate forecast, as holdout.test.ts shows for holdoutCheck
    expect(got.meanAbsoluteError).toBeLessThan(naiveMeanAbsoluteError(hs, got.holdoutLength));
  });
});

describe("holdoutCutoffDay", () => {
  const d = isoToDay;
  it("defaults to the start of the last quarter of the span", () => {
    expect(holdoutCutoffDay(d("2024-01-01"), d("2024-12-31"), null)).toEqual({
      cutoff: d("2024-10-01"),
      reason: null,
    });
  });
  it("refuses spans under eight weeks and cut-offs outside the data", () => {
    expect(holdoutCutoffDay(d("2024-01-01"), d("2024-02-15"), null).reason).toBe("too_short");
    expect(holdoutCutoffDay(d("2024-01-01"), d("2024-12-31"), d("2025-01-01")).reason).toBe(
      "cutoff_outside_data",
    );
    expect(holdoutCutoffDay(d("2024-01-01"), d("2024-12-31"), d("2024-06-30"))).toEqual({
      cutoff: d("2024-06-30"),
      reason: null,
    });
  });
  it("day numbers round-trip through ISO dates", () => {
    expect(dayToIso(d("1997-09-30"))).toBe("1997-09-30");
    expect(d("1970-01-02")).toBe(1);
  });
});

describe("occasionAccumulator, by hand", () => {
  it("folds a sorted stream of occasions per customer; days after the end are ignored", () => {
    // end 100, cut-off 80, previous 70, revenue from 50. Customer 7: 10, 60, 75, 90, 120 (ignored).
    // Customer 9: first at 85, after the cut-off: in the main summary, not in the holdout cohort.
    const acc = occasionAccumulator({ end: 100, cutoff: 80, previous: 70, revenueFrom: 50 });
    for (const [c, d, v] of [
      [7, 10, 5],
      [7, 60, 6],
      [7, 75, 7],
      [7, 90, 8],
      [7, 120, 100],
      [9, 85, 3],
      [9, 95, 4],
    ] as const) {
      acc.add(c, d, v);
    }
    const a = acc.finish();
    expect(Array.from(a.customerId)).toEqual([7, 9]);
    expect(Array.from(a.x)).toEqual([3, 1]);
    expect(Array.from(a.lastRepeat)).toEqual([90, 95]);
    expect(Array.from(a.repeatSpend)).toEqual([21, 4]);
    expect(Array.from(a.xCut)).toEqual([2, 0]);
    expect(Array.from(a.lastCut)).toEqual([75, Number.NaN]);
    expect(a.holdoutX[0]).toBe(1);
    expect(Array.from(a.xPrevious)).toEqual([1, 0]);
    expect(a.lastPrevious[0]).toBe(60);
    expect(Array.from(a.revenue12m)).toEqual([21, 7]);
    expect(Array.from(a.lastDay)).toEqual([90, 95]);
    // Repeat occasions per day only for customers who started by the cut-off.
    expect([...a.repeatsByDay].sort((x, y) => x[0] - y[0])).toEqual([
      [60, 1],
      [75, 1],
      [90, 1],
    ]);
  });
});
