import { describe, expect, it } from "vitest";
import { moneyReading } from "./reading.ts";
import type { FitView, MoneyFigures } from "./schemas.ts";
import { DEFAULT_MONEY_SETTINGS } from "./settings.ts";

const stat = (mean: number | null) => ({ total: 0, mean, lower: null, upper: null });
const group = (g: string, customers: number, mean: number | null) => ({
  group: g,
  customers,
  enough: customers >= 30,
  clv: stat(mean),
  revenue12m: stat(mean),
});
const diff = (
  of: string,
  versus: string,
  clv: { estimate: number; lower: number; upper: number } | null,
) => ({
  of,
  versus,
  enough: clv !== null,
  clv,
  revenue12m: clv,
});

function figures(npsDiff: { estimate: number; lower: number; upper: number } | null): MoneyFigures {
  return {
    totals: {
      customers: 1000,
      repeatCustomers: 400,
      clv: 5_000_000,
      expectedPurchases: 900,
      revenue12m: 7_000_000,
      likelyActive: 600,
      meanPAlive: 0.6,
    },
    distribution: { buckets: [], quantiles: null, top20Share: 0.62 },
    atRisk: {
      amount: 400_000,
      customers: 80,
      share: 0.08,
      threshold: 0.5,
      periodDays: 30,
      byReason: [
        { reason: "unresolved_complaint", customers: 20, amount: 100_000 },
        { reason: "detractor", customers: 50, amount: 250_000 },
        { reason: "alive_dropped", customers: 15, amount: 60_000 },
      ],
    },
    satisfaction: {
      nps: {
        groups: [
          group("promoter", 120, 9000),
          group("passive", 80, 6000),
          group("detractor", 60, 4000),
          group("no_answer", 740, 5000),
        ],
        promotersVsDetractors: diff("promoter", "detractor", npsDiff),
      },
      complaints: {
        fastResolutionHours: 24,
        thresholdSource: "median",
        groups: [
          group("none", 900, 5000),
          group("fast", 40, 6000),
          group("slow", 40, 5000),
          group("unresolved", 20, 3000),
        ],
        fastVsUnresolved: diff("fast", "unresolved", null),
        fastVsSlow: diff("fast", "slow", { estimate: 1000, lower: -200, upper: 2200 }),
      },
    },
  };
}

const param = (name: string, estimate: number, se: number | null) => ({
  name,
  estimate,
  standardError: se,
  lower: null,
  upper: null,
});
const fit: FitView = {
  id: 1,
  fittedAt: "2026-01-01T00:00:00.000Z",
  asOf: "2026-01-01T00:00:00.000Z",
  calibrationEnd: "2025-12-31",
  unit: "weeks",
  durationMs: 1000,
  stale: false,
  settings: DEFAULT_MONEY_SETTINGS,
  customers: 1000,
  repeatCustomers: 400,
  purchase: {
    model: "bgnbd",
    params: [param("r", 0.24, 0.01), param("a", 0.8, 0.6)],
    logLik: -100,
    converged: true,
    rows: 500,
  },
  alive: {
    model: "pareto-nbd",
    params: [],
    logLik: -100,
    converged: true,
    subsample: null,
    boundary: false,
    fallbackReason: null,
  },
  spend: {
    model: "gamma-gamma",
    params: [],
    logLik: -50,
    converged: true,
    customers: 400,
    correlation: 0.1,
    meanSpend: 3000,
    fallbackReason: null,
  },
  holdout: {
    cutoff: "2025-10-01",
    end: "2025-12-31",
    weeks: 13,
    customers: 900,
    meanAbsoluteError: 0.4,
    naiveMeanAbsoluteError: 0.6,
    totalActual: 200,
    totalPredicted: 210,
    params: [],
  },
  holdoutSkipped: null,
  otherCurrencies: [],
  tracking: [],
};

const keys = (lines: ReturnType<typeof moneyReading>) =>
  lines.map((l) => l.key.replace("money.reading.", ""));

describe("moneyReading", () => {
  it("no fit yet", () => {
    expect(keys(moneyReading(null, null))).toEqual(["noFit"]);
  });

  it("says what the customers are worth, what is at risk, whether satisfaction pays and how good the model is", () => {
    const lines = moneyReading(fit, figures({ estimate: 5000, lower: 3000, upper: 7000 }));
    expect(keys(lines)).toEqual([
      "value",
      "concentration",
      "atRisk",
      "nps.pays",
      "complaints.noDifference",
      "holdout.good",
      "uncertainParams",
    ]);
    const risk = lines.find((l) => l.key === "money.reading.atRisk");
    expect(risk?.params.amount).toEqual({ value: 400_000, format: "money" });
    expect(risk?.params.detractors).toEqual({ value: 50, format: "count" });
    const nps = lines.find((l) => l.key === "money.reading.nps.pays");
    expect(nps?.tone).toBe("good");
    expect(nps?.params.ratio?.value).toBeCloseTo(9000 / 4000, 12);
    expect(lines.find((l) => l.key === "money.reading.holdout.good")?.params.error?.value).toBeCloseTo(
      0.05,
      12,
    );
    expect(lines.at(-1)?.params.names?.value).toBe("a");
  });

  it("an interval that straddles zero is no difference; too few detractors is not enough data", () => {
    expect(keys(moneyReading(fit, figures({ estimate: 500, lower: -100, upper: 1100 })))).toContain(
      "nps.noDifference",
    );
    expect(keys(moneyReading(fit, figures(null)))).toContain("nps.notEnough");
    expect(keys(moneyReading(fit, figures({ estimate: -900, lower: -1500, upper: -300 })))).toContain(
      "nps.reversed",
    );
  });

  it("warns about stale settings, thin data, a fallback and a poor holdout", () => {
    const poor: FitView = {
      ...fit,
      stale: true,
      repeatCustomers: 40,
      holdout: {
        ...(fit.holdout as NonNullable<FitView["holdout"]>),
        totalPredicted: 300,
        meanAbsoluteError: 0.7,
      },
      spend: { ...fit.spend, model: "mean", fallbackReason: "too_few_repeat_customers" },
    };
    const k = keys(moneyReading(poor, figures(null)));
    expect(k.slice(0, 2)).toEqual(["stale", "thinData"]);
    expect(k).toContain("holdout.poor");
    expect(k).toContain("holdout.naiveBetter");
    expect(k).toContain("spendFallback.too_few_repeat_customers");
  });

  it("says how many orders in other currencies were left unvalued, before the value line", () => {
    const mixed: FitView = {
      ...fit,
      otherCurrencies: [
        { currency: "USD", orders: 120 },
        { currency: "EUR", orders: 7 },
      ],
    };
    const lines = moneyReading(mixed, figures(null));
    expect(keys(lines).slice(0, 2)).toEqual(["otherCurrencies", "value"]);
    expect(lines[0]?.tone).toBe("warning");
    expect(lines[0]?.params).toEqual({
      orders: { value: 127, format: "count" },
      currencies: { value: "USD, EUR", format: "text" },
    });
  });
});
