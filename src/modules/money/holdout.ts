/**
 * Calibration/holdout check of a purchase model on any workspace's transactions: fit on the calibration
 * period, predict each customer's repeat purchases in the holdout period, compare with what happened
 * (Fader, Hardie & Lee 2005, section 5: the conditional expectations and the tracking plot of cumulative
 * repeat purchases, their Figures 2–4).
 */
import { AppError } from "../../platform/errors.ts";
import { type BgNbdParams, fitBgNbd } from "./bgnbd.ts";
import { conditionalExpectedPurchases, expectedPurchases, type PurchaseModel } from "./clv.ts";
import type { ModelFit } from "./model-fit.ts";
import { fitParetoNbd, type ParetoNbdParams } from "./pareto-nbd.ts";
import {
  compressRfm,
  DAYS_PER_UNIT,
  summarizeTransactions,
  type TimeUnit,
  type Transaction,
} from "./summary.ts";

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
  const per = DAYS_PER_UNIT[unit];
  const { rows, rowOf } = compressRfm(summary);
  let model: PurchaseModel;
  let fit: HoldoutResult["fit"];
  if (options.model === "pareto-nbd") {
    const f = fitParetoNbd(rows);
    model = { kind: "pareto-nbd", params: f.params };
    fit = f;
  } else {
    const f = fitBgNbd(rows);
    model = { kind: "bgnbd", params: f.params };
    fit = f;
  }
  const holdEnd = summary.holdoutEndDay as number;
  const calEnd = summary.calibrationEndDay;
  const holdoutLength = (holdEnd - calEnd) / per;
  const rowPrediction = new Float64Array(rows.x.length);
  for (let j = 0; j < rows.x.length; j++) {
    rowPrediction[j] = conditionalExpectedPurchases(
      model,
      holdoutLength,
      rows.x[j] as number,
      rows.tx[j] as number,
      rows.T[j] as number,
    );
  }
  const n = summary.customerIds.length;
  const predicted = new Float64Array(n);
  let absError = 0;
  let totalActual = 0;
  let totalPredicted = 0;
  for (let i = 0; i < n; i++) {
    const p = rowPrediction[rowOf[i] as number] as number;
    const a = summary.holdoutX[i] as number;
    predicted[i] = p;
    absError += Math.abs(a - p);
    totalActual += a;
    totalPredicted += p;
  }
  const { tracking, calibrationPeriods } = trackingSeries(
    model,
    summary,
    per,
    options.trackingPeriodDays ?? 7,
  );
  return {
    model,
    fit,
    customerIds: summary.customerIds,
    actual: summary.holdoutX,
    predicted,
    meanAbsoluteError: absError / n,
    totalActual,
    totalPredicted,
    holdoutLength,
    tracking,
    calibrationPeriods,
  };
}

/**
 * Cumulative repeat purchases by period end, actual and expected: Σ over customers of E[X(t)] with t the
 * time since their trial, which is how the paper's tracking plot is built. Customers are grouped by trial
 * day, so the cost is periods × distinct trial days.
 */
function trackingSeries(
  model: PurchaseModel,
  summary: {
    firstDay: Float64Array;
    repeatsByDay: Map<number, number>;
    calibrationEndDay: number;
    holdoutEndDay: number | null;
  },
  per: number,
  periodDays: number,
): { tracking: TrackingPoint[]; calibrationPeriods: number } {
  const trialCount = new Map<number, number>();
  let day0 = Number.POSITIVE_INFINITY;
  for (const f of summary.firstDay) {
    trialCount.set(f, (trialCount.get(f) ?? 0) + 1);
    day0 = Math.min(day0, f);
  }
  const lastDay = summary.holdoutEndDay ?? summary.calibrationEndDay;
  const repeatDays = [...summary.repeatsByDay.entries()].sort((a, b) => a[0] - b[0]);
  const tracking: TrackingPoint[] = [];
  let calibrationPeriods = 0;
  let cursor = 0;
  let actual = 0;
  for (let k = 1; ; k++) {
    const endDay = Math.min(day0 + k * periodDays - 1, lastDay);
    while (cursor < repeatDays.length && (repeatDays[cursor] as [number, number])[0] <= endDay) {
      actual += (repeatDays[cursor] as [number, number])[1];
      cursor++;
    }
    let predicted = 0;
    for (const [f, count] of trialCount) {
      if (f < endDay) predicted += count * expectedPurchases(model, (endDay - f) / per);
    }
    tracking.push({ period: k, endDay, actual, predicted });
    if (endDay <= summary.calibrationEndDay) calibrationPeriods = k;
    if (endDay >= lastDay) break;
  }
  return { tracking, calibrationPeriods };
}
