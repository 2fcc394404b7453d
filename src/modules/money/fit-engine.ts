/**
 * One workspace fit from its aggregates, with no I/O: BG/NBD for purchases (and CLV), Pareto/NBD for
 * P(alive), Gamma-Gamma or the mean for spend, CLV per customer with the workspace's settings, P(alive)
 * one period earlier, and the holdout check. service.ts reads the aggregates and writes the outcome.
 */
import { AppError } from "../../platform/errors.ts";
import {
  type AggregateDays,
  type CustomerAggregates,
  dayToIso,
  holdoutSummary,
  mainSummary,
  previousSummary,
} from "./aggregates.ts";
import { type AliveModel, aliveByRow, fitAliveModel } from "./alive-model.ts";
import { type BgNbdParams, bgnbdProbabilityAlive, fitBgNbd } from "./bgnbd.ts";
import { type ClvSettings, customerValues } from "./clv.ts";
import { holdoutFromSummary, naiveMeanAbsoluteError } from "./holdout-summary.ts";
import type { ModelFit } from "./model-fit.ts";
import { chooseSpendModel, type SpendModel } from "./spend-model.ts";
import { compressRfm } from "./summary.ts";

export type HoldoutMetrics = {
  cutoff: string;
  end: string;
  weeks: number;
  customers: number;
  meanAbsoluteError: number;
  naiveMeanAbsoluteError: number;
  totalActual: number;
  totalPredicted: number;
  params: BgNbdParams;
};

export type TrackingRow = {
  date: string;
  actual: number;
  predicted: number;
  phase: "calibration" | "holdout";
};

export type HoldoutSkip = "too_short" | "cutoff_outside_data" | "fit_failed";

export type FitOutcome = {
  purchase: ModelFit<BgNbdParams>;
  alive: AliveModel;
  spend: SpendModel;
  customers: number;
  repeatCustomers: number;
  /** Aligned with the aggregates; pAlivePrevious is NaN for customers who had not started a period ago. */
  values: {
    pAlive: Float64Array;
    pAlivePrevious: Float64Array;
    expectedPurchases: Float64Array;
    expectedSpend: Float64Array;
    clv: Float64Array;
  };
  holdout: HoldoutMetrics | null;
  holdoutSkipped: HoldoutSkip | null;
  tracking: TrackingRow[] | null;
};

/** Tracking periods: weekly, or four-weekly when a weekly chart would pass this many points. */
const MAX_WEEKLY_POINTS = 160;

export function fitAggregates(
  agg: CustomerAggregates,
  days: AggregateDays,
  settings: ClvSettings,
  holdoutSkipped: HoldoutSkip | null = null,
): FitOutcome {
  const main = mainSummary(agg, days);
  const n = main.x.length;
  let repeatCustomers = 0;
  for (const x of main.x) if (x > 0) repeatCustomers++;
  if (n === 0 || repeatCustomers === 0) {
    throw new AppError(
      "validation",
      "Not enough data for the purchase model: it needs customers who bought more than once (on different days)",
      { customers: n, repeatCustomers },
    );
  }
  const { rows, rowOf } = compressRfm(main);
  const purchase = fitBgNbd(rows);
  const alive = fitAliveModel(rows);
  const spend = chooseSpendModel(main.spendX ?? main.x, main.meanSpend);
  // customerValues wants Gamma-Gamma parameters; with the mean fallback any valid ones do, because
  // CLV is linear in the spend and is rescaled below to the mean.
  const ggParams = spend.kind === "gamma-gamma" ? spend.fit.params : { p: 1, q: 2, gamma: 1 };
  const v = customerValues({ kind: "bgnbd", params: purchase.params }, ggParams, main, settings);
  if (spend.kind === "mean") {
    for (let i = 0; i < n; i++) {
      v.clv[i] = ((v.clv[i] as number) * spend.meanSpend) / (v.expectedSpend[i] as number);
      v.expectedSpend[i] = spend.meanSpend;
    }
  }
  const rowAlive = aliveByRow(alive, rows);
  if (rowAlive) for (let i = 0; i < n; i++) v.pAlive[i] = rowAlive[rowOf[i] as number] as number;
  const pAlivePrevious = previousAlive(agg, days, alive, purchase.params);

  let holdout: HoldoutMetrics | null = null;
  let tracking: TrackingRow[] | null = null;
  let skipped = holdoutSkipped;
  const hs = holdoutSummary(agg, days);
  if (hs && days.cutoff !== null) {
    let firstDay = days.cutoff;
    for (const f of hs.firstDay) firstDay = Math.min(firstDay, f);
    const weeklyPoints = (days.end - firstDay) / 7;
    try {
      const h = holdoutFromSummary(hs, { trackingPeriodDays: weeklyPoints > MAX_WEEKLY_POINTS ? 28 : 7 });
      holdout = {
        cutoff: dayToIso(days.cutoff),
        end: dayToIso(days.end),
        weeks: h.holdoutLength,
        customers: h.customerIds.length,
        meanAbsoluteError: h.meanAbsoluteError,
        naiveMeanAbsoluteError: naiveMeanAbsoluteError(hs, h.holdoutLength),
        totalActual: h.totalActual,
        totalPredicted: h.totalPredicted,
        params: h.fit.params as BgNbdParams,
      };
      tracking = h.tracking.map((p) => ({
        date: dayToIso(p.endDay),
        actual: p.actual,
        predicted: p.predicted,
        phase: p.period <= h.calibrationPeriods ? "calibration" : "holdout",
      }));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped = "fit_failed";
    }
  }
  return {
    purchase,
    alive,
    spend,
    customers: n,
    repeatCustomers,
    values: { ...v, pAlivePrevious },
    holdout,
    holdoutSkipped: holdout ? null : skipped,
    tracking,
  };
}

/** P(alive) one period ago under today's parameters, so a change reflects behaviour, not a refit. */
function previousAlive(
  agg: CustomerAggregates,
  days: AggregateDays,
  alive: AliveModel,
  purchase: BgNbdParams,
): Float64Array {
  const out = new Float64Array(agg.customerId.length).fill(Number.NaN);
  const prev = previousSummary(agg, days);
  if (prev.index.length === 0) return out;
  const { rows, rowOf } = compressRfm(prev);
  const rowAlive = aliveByRow(alive, rows) ?? bgnbdAliveRows(purchase, rows);
  for (let k = 0; k < prev.index.length; k++) {
    out[prev.index[k] as number] = rowAlive[rowOf[k] as number] as number;
  }
  return out;
}

function bgnbdAliveRows(params: BgNbdParams, rows: { x: Float64Array; tx: Float64Array; T: Float64Array }) {
  return Float64Array.from(rows.x, (x, j) =>
    bgnbdProbabilityAlive(params, x, rows.tx[j] as number, rows.T[j] as number),
  );
}
