import { describe, expect, it } from "vitest";
import {
  cciParts,
  componentsCsvRows,
  gapCsvRows,
  gapOrder,
  monthsBetween,
  percent,
  significantMonths,
  trendCsvRows,
} from "./figures.ts";
import type {
  ComponentFigure,
  GapRow,
  Proportion,
  SpeedometerReport,
  TrendPoint,
} from "./speedometer-api.ts";

const prop = (numerator: number, denominator: number, enough = denominator >= 30): Proportion => ({
  numerator,
  denominator,
  value: enough ? numerator / denominator : null,
  lower: enough ? 0.1 : null,
  upper: enough ? 0.9 : null,
  n: denominator,
  effectiveN: denominator,
  enough,
});

const component = (key: ComponentFigure["key"], p: Proportion, weight: number): ComponentFigure => ({
  ...p,
  key,
  unit: key === "fullPrice" ? "revenue" : key === "waitTolerance" ? "orders" : "customers",
  weight,
  weightUsed: p.enough ? weight : null,
  previous: prop(0, 0, false),
  formulaKey: `speedometer.formula.${key}`,
  formula: "",
  change: "no_change",
  pValue: 0.5,
});

// Repeat 30/60, full price 80/100, wait 3/10 (too few), referral 10/40, recovery 20/50.
const components = [
  component("repeat", prop(30, 60), 0.3),
  component("fullPrice", prop(80, 100), 0.2),
  component("waitTolerance", prop(3, 10), 0.15),
  component("referral", prop(10, 40), 0.15),
  component("recovery", prop(20, 50), 0.2),
];

describe("the CCI's numerator and denominator", () => {
  it("sums wₖ·pₖ and wₖ over the components with enough data only", () => {
    const weights = { repeat: 0.3, fullPrice: 0.2, referral: 0.15, recovery: 0.2 };
    const p = cciParts(components, weights);
    // 0.3·0.5 + 0.2·0.8 + 0.15·0.25 + 0.2·0.4 = 0.15 + 0.16 + 0.0375 + 0.08 = 0.4275; Σw = 0.85.
    expect(p.weighted).toBeCloseTo(0.4275, 12);
    expect(p.weights).toBeCloseTo(0.85, 12);
    expect(p.used).toEqual(["repeat", "fullPrice", "referral", "recovery"]);
    // The CCI the server reports is 100 × their ratio: 42.75 / 0.85 = 50.294…
    expect((100 * p.weighted) / p.weights).toBeCloseTo(50.294117647, 8);
  });
  it("is empty when nothing has enough data", () => {
    expect(cciParts([component("repeat", prop(1, 2), 0.3)], { repeat: 0.3 })).toEqual({
      weighted: 0,
      weights: 0,
      used: [],
    });
  });
});

describe("small helpers", () => {
  it("rounds shares to a percentage with one decimal", () => {
    expect(percent(0.65491)).toBe(65.5);
    expect(percent(1 / 3)).toBe(33.3);
    expect(percent(null)).toBeNull();
  });
  it("lists months newest first across a year end", () => {
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2025-02", "2025-01", "2024-12", "2024-11"]);
    expect(monthsBetween("2025-03", "2025-03")).toEqual(["2025-03"]);
    expect(monthsBetween("2025-04", "2025-03")).toEqual([]);
  });
});

const gapRow = (
  value: string,
  label: string,
  cciRank: number | null,
  npsRank: number | null,
  disagree = false,
): GapRow => ({
  value,
  label,
  cci: { value: cciRank === null ? null : 70 - cciRank, lower: null, upper: null, enough: cciRank !== null },
  cciRank,
  nps: {
    value: npsRank === null ? null : 10 * npsRank,
    lower: null,
    upper: null,
    n: 40,
    enough: npsRank !== null,
  },
  npsRank,
  disagree,
});

const point = (
  month: string,
  cciChange: TrendPoint["cci"]["change"],
  repeatChange: TrendPoint["cci"]["change"],
): TrendPoint => ({
  month,
  partial: false,
  cci: { value: 50, lower: 48, upper: 52, enough: true, change: cciChange, pValue: null },
  components: {
    repeat: { ...prop(30, 60), change: repeatChange, pValue: null },
    fullPrice: { ...prop(80, 100), change: "no_change", pValue: null },
    waitTolerance: { ...prop(3, 10), change: "unknown", pValue: null },
    referral: { ...prop(10, 40), change: "no_change", pValue: null },
    recovery: { ...prop(20, 50), change: "no_change", pValue: null },
  },
  nps: { value: 12.34, lower: 0, upper: 20, n: 50, enough: true, change: "no_change", pValue: null },
});

const report = {
  workspace: { id: 1, slug: "demo", timeZone: "Europe/Kyiv", currency: "UAH" },
  cci: {
    value: 50.294117647,
    lower: 47.26,
    upper: 53.34,
    standardError: 1.5,
    enough: true,
    weightsUsed: { repeat: 0.3, fullPrice: 0.2, referral: 0.15, recovery: 0.2 },
    previous: { value: 49.96, lower: 47, upper: 53, standardError: 1.5, enough: true, weightsUsed: {} },
    formulaKey: "",
    formula: "",
    change: "no_change",
    pValue: 0.8,
  },
  components,
  stated: {
    nps: {
      value: 12.5,
      lower: 1.25,
      upper: 23.75,
      n: 40,
      promoters: 15,
      passives: 15,
      detractors: 10,
      enough: true,
      previous: {
        value: null,
        lower: null,
        upper: null,
        n: 5,
        promoters: 1,
        passives: 2,
        detractors: 2,
        enough: false,
      },
      formulaKey: "",
      formula: "",
      change: "unknown",
      pValue: null,
    },
    csat: {
      ...prop(24, 32),
      previous: prop(1, 2, false),
      formulaKey: "",
      formula: "",
      change: "unknown",
      pValue: null,
    },
    ces: {
      value: 2.456,
      lower: 2.1,
      upper: 2.8,
      n: 30,
      sum: 73.68,
      enough: true,
      previous: { value: null, lower: null, upper: null, n: 0, sum: 0, enough: false },
      formulaKey: "",
      formula: "",
      change: "unknown",
      pValue: null,
    },
  },
  trend: [point("2025-01", "no_change", "up"), point("2025-02", "down", "no_change")],
  gap: {
    by: "location",
    rows: [
      gapRow("2", "Obolon", 2, 1, true),
      gapRow("9", "No figures", null, 2),
      gapRow("1", "Khreshchatyk", 1, 2, true),
    ],
  },
} as unknown as SpeedometerReport;

describe("the CSV rows", () => {
  it("hold the CCI with its own numerator and denominator, each component's counts and the stated scores", () => {
    const rows = componentsCsvRows(report);
    expect(rows[0]).toEqual(["cci", 50.3, 47.3, 53.3, 0.4275, 0.85, null, true, 1, 50, "no_change", 0.8]);
    // Repeat 30 of 60 = 50.0%; its made-up interval 10–90%.
    expect(rows[1]).toEqual(["repeat", 50, 10, 90, 30, 60, 60, true, 0.3, null, "no_change", 0.5]);
    // Wait tolerance: 10 orders, not enough: no value, the counts still shown.
    expect(rows[3]).toEqual([
      "waitTolerance",
      null,
      null,
      null,
      3,
      10,
      10,
      false,
      0.15,
      null,
      "no_change",
      0.5,
    ]);
    // NPS: promoters − detractors = 15 − 10 = 5 of 40 answers = 12.5 points.
    expect(rows[6]).toEqual(["nps", 12.5, 1.3, 23.8, 5, 40, 40, true, null, null, "unknown", null]);
    // CSAT 24 of 32 = 75%.
    expect(rows[7]?.slice(0, 7)).toEqual(["csat", 75, 10, 90, 24, 32, 32]);
    // CES 73.68 / 30 = 2.456 → 2.46.
    expect(rows[8]?.slice(0, 7)).toEqual(["ces", 2.46, 2.1, 2.8, 73.68, 30, 30]);
    expect(rows).toHaveLength(9);
  });

  it("order the say–do gap by the CCI's ranking, rows without one last", () => {
    expect(gapOrder(report.gap.rows).map((r) => r.value)).toEqual(["1", "2", "9"]);
    expect(gapCsvRows(report)[0]).toEqual([
      "location",
      "1",
      "Khreshchatyk",
      69,
      null,
      null,
      1,
      20,
      null,
      null,
      40,
      2,
      true,
    ]);
  });

  it("hold one trend line per month with each component's share, n and change", () => {
    const rows = trendCsvRows(report);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.slice(0, 9)).toEqual(["2025-01", false, 50, 48, 52, "no_change", 50, 60, "up"]);
    expect(rows[0]?.slice(-3)).toEqual([12.3, 50, "no_change"]);
  });

  it("find the months with a significant change", () => {
    expect(significantMonths(report.trend, "cci")).toEqual([{ month: "2025-02", change: "down" }]);
    expect(significantMonths(report.trend, "repeat")).toEqual([{ month: "2025-01", change: "up" }]);
    expect(significantMonths(report.trend, "nps")).toEqual([]);
  });
});
