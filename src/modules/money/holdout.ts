/**
 * Calibration/holdout check of a purchase model on any workspace's transactions: fit on the calibration
 * period, predict each customer's repeat purchases in the holdout period, compare with what happened
 * (Fader, Hardie & Lee 2005, section 5: the conditional expectations and the tracking plot of cumulative
 * repeat purchases, their Figures 2–4).
 */
import { AppError } from "../../platform/errors.ts";
import type { BgNbdParams } from "./bgnbd.ts";
import type { PurchaseModel } from "./clv.ts";
import { holdoutFromSummary } from "./holdout-summary.ts";
import type { ModelFit } from "./model-fit.ts";
import type { ParetoNbdParams } from "./pareto-nbd.ts";
import { summarizeTransactions, type TimeUnit, type Transaction } from "./summary.ts";

export type HoldoutOptions = {
  /** Any instant on the last calibration day. */
  calibrationEnd: number;
  /** Any instant on the last holdout day. */
  holdoutEnd: number;
  unit?: TimeUnit;
  dayOf?: (time: number) => number;
  model?: PurchaseModel["kind"];
  /** Length of a tracking period in days (default 7: a weekly chart). */
  trackingPeriodDays?: number;
};

/** Cumulative repeat purchases of the whole cohort by the end of each tracking period. */
export type TrackingPoint = { period: number; endDay: number; actual: number; predicted: number };

export type HoldoutResult = {
  model: PurchaseModel;
  fit: ModelFit<BgNbdParams> | ModelFit<ParetoNbdParams>;
  customerIds: string[];
  /** Repeat purchase occasions in the holdout period, per customer. */
  actual: Float64Array;
  /** E[Y(holdout length) | x, t_x, T], per customer. */
  predicted: Float64Array;
  meanAbsoluteError: number;
  totalActual: number;
  totalPredicted: number;
  /** Holdout length in the model's time unit. */
  holdoutLength: number;
  tracking: TrackingPoint[];
  /** How many tracking periods end within calibration (where the chart's holdout part starts). */
  calibrationPeriods: number;
};

export function holdoutCheck(transactions: readonly Transaction[], options: HoldoutOptions): HoldoutResult {
  const unit = options.unit ?? "weeks";
  const summary = summarizeTransactions(transactions, {
    calibrationEnd: options.calibrationEnd,
    holdoutEnd: options.holdoutEnd,
    unit,
    dayOf: options.dayOf,
  });
  if (summary.customerIds.length === 0)
    throw new AppError("validation", "no customers bought before calibrationEnd");
  // The same check as a workspace's, which starts from a summary aggregated in SQL.
  return holdoutFromSummary(summary, {
    model: options.model,
    trackingPeriodDays: options.trackingPeriodDays,
  });
}
