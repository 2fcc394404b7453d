/**
 * The calibration/holdout check (Fader, Hardie & Lee 2005, section 5), started from a summary: a workspace's
 * summary comes aggregated from SQL (aggregates.ts), so a million customers' orders never pass through Node;
 * holdoutCheck (holdout.ts) summarises raw transactions and comes here too.
 */
import { AppError } from "../../platform/errors.ts";
import { fitBgNbd } from "./bgnbd.ts";
import { conditionalExpectedPurchases, expectedPurchases, type PurchaseModel } from "./clv.ts";
import type { HoldoutResult, TrackingPoint } from "./holdout.ts";
import { fitParetoNbd } from "./pareto-nbd.ts";
import { compressRfm, DAYS_PER_UNIT, type RfmSummary } from "./summary.ts";

export type SummaryHoldoutOptions = {
  model?: PurchaseModel["kind"];
  /** Length of a tracking period in days (default 7: a weekly chart). */
  trackingPeriodDays?: number;
};

export function holdoutFromSummary(summary: RfmSummary, options: SummaryHoldoutOptions = {}): HoldoutResult {
  if (summary.holdoutEndDay === null) throw new AppError("validation", "the summary has no holdout period");
  const n = summary.customerIds.length;
  if (n === 0) throw new AppError("validation", "no customers bought before the holdout cut-off");
  const per = DAYS_PER_UNIT[summary.unit];
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
  const holdoutLength = (summary.holdoutEndDay - summary.calibrationEndDay) / per;
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
 * The naive forecast the model must beat: each customer keeps buying at their calibration rate x/T.
 * Its mean absolute error is what the page compares the model's with.
 */
export function naiveMeanAbsoluteError(summary: RfmSummary, holdoutLength: number): number {
  const n = summary.x.length;
  if (n === 0) return Number.NaN;
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const T = summary.T[i] as number;
    const rate = T > 0 ? (summary.x[i] as number) / T : 0;
    abs += Math.abs((summary.holdoutX[i] as number) - rate * holdoutLength);
  }
  return abs / n;
}

/** Cumulative repeat purchases by period end, actual and Σ E[X(t since trial)], grouped by trial day. */
function trackingSeries(
  model: PurchaseModel,
  summary: RfmSummary,
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
    for (; cursor < repeatDays.length && (repeatDays[cursor] as [number, number])[0] <= endDay; cursor++) {
      actual += (repeatDays[cursor] as [number, number])[1];
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
