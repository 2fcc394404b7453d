/**
 * Per-customer value: probability still active, expected purchases over the horizon, expected spend per
 * purchase, and CLV.
 *
 * CLV over a horizon of H months, margin m, annual discount rate d:
 *
 *   CLV = Σ_{k=1..H}  [E(Y(k·u) | x, t_x, T) − E(Y((k−1)·u) | x, t_x, T)] · E(Z | x, z̄) · m / (1 + d)^(k/12)
 *
 * where u is one month in the model's time unit (365.25/12 days), E(Y(t) | …) is the purchase model's
 * conditional expectation of purchases in the next t, and E(Z | …) the Gamma-Gamma expected spend. The
 * purchases expected in month k are discounted from the end of that month. This is the discrete form of
 * Fader, Hardie & Lee (2005, "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4))
 * with the horizon truncated, as the product shows a finite horizon set by the user.
 */
import {
  type BgNbdParams,
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
} from "./bgnbd.ts";
import { type GammaGammaParams, gammaGammaExpectedSpend } from "./gamma-gamma.ts";
import {
  type ParetoNbdParams,
  paretoNbdConditionalExpected,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from "./pareto-nbd.ts";
import { compressRfm, DAYS_PER_UNIT, type TimeUnit } from "./summary.ts";

export type PurchaseModel =
  | { kind: "bgnbd"; params: BgNbdParams }
  | { kind: "pareto-nbd"; params: ParetoNbdParams };

export type ClvSettings = {
  /** Months ahead (default in the product: 12). */
  horizonMonths: number;
  /** Share of spend that is profit, 0..1. */
  margin: number;
  /** e.g. 0.1 for 10% a year. */
  annualDiscountRate: number;
};

/** E[Y(t) | x, t_x, T] of either purchase model. */
export function conditionalExpectedPurchases(
  model: PurchaseModel,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return model.kind === "bgnbd"
    ? bgnbdConditionalExpected(model.params, t, x, tx, T)
    : paretoNbdConditionalExpected(model.params, t, x, tx, T);
}

/** E[X(t)] for a customer just acquired, of either purchase model. */
export function expectedPurchases(model: PurchaseModel, t: number): number {
  return model.kind === "bgnbd"
    ? bgnbdExpectedPurchases(model.params, t)
    : paretoNbdExpectedPurchases(model.params, t);
}

export function probabilityAlive(model: PurchaseModel, x: number, tx: number, T: number): number {
  return model.kind === "bgnbd"
    ? bgnbdProbabilityAlive(model.params, x, tx, T)
    : paretoNbdProbabilityAlive(model.params, x, tx, T);
}

/**
 * The discounting core: given cumulative expected purchases as a function of time (model units), the
 * month length in those units, the spend per purchase and the settings, returns the discounted value and
 * the undiscounted expected purchases over the horizon.
 */
export function discountedValue(
  cumulative: (t: number) => number,
  monthLength: number,
  spend: number,
  settings: ClvSettings,
): { clv: number; purchases: number } {
  let clv = 0;
  let previous = 0;
  for (let k = 1; k <= settings.horizonMonths; k++) {
    const current = cumulative(k * monthLength);
    // Rounding can make a flat stretch dip by 1e-17; expected purchases never decrease.
    const inMonth = Math.max(0, current - previous);
    clv += (inMonth * spend * settings.margin) / (1 + settings.annualDiscountRate) ** (k / 12);
    previous = Math.max(previous, current);
  }
  return { clv, purchases: previous };
}

export type CustomerValues = {
  customerIds: string[];
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
};

/**
 * Values for every customer of a summary. The purchase side depends only on (x, t_x, T), so it is
 * computed once per unique row and shared.
 */
export function customerValues(
  model: PurchaseModel,
  spend: GammaGammaParams,
  summary: {
    customerIds: string[];
    x: Float64Array;
    tx: Float64Array;
    T: Float64Array;
    meanSpend: Float64Array;
    /** Repeat occasions behind meanSpend when not all of x (RfmSummary.spendX). */
    spendX?: Float64Array;
    unit: TimeUnit;
  },
  settings: ClvSettings,
): CustomerValues {
  const { rows, rowOf } = compressRfm(summary);
  const monthLength = DAYS_PER_UNIT.months / DAYS_PER_UNIT[summary.unit];
  const m = rows.x.length;
  const rowAlive = new Float64Array(m);
  const rowPurchases = new Float64Array(m);
  // Discounted purchases per unit of spend and margin: CLV is linear in both.
  const rowDiscounted = new Float64Array(m);
  const unitSettings = { ...settings, margin: 1 };
  for (let j = 0; j < m; j++) {
    const x = rows.x[j] as number;
    const tx = rows.tx[j] as number;
    const T = rows.T[j] as number;
    rowAlive[j] = probabilityAlive(model, x, tx, T);
    const v = discountedValue(
      (t) => conditionalExpectedPurchases(model, t, x, tx, T),
      monthLength,
      1,
      unitSettings,
    );
    rowPurchases[j] = v.purchases;
    rowDiscounted[j] = v.clv;
  }
  const n = summary.x.length;
  const spendX = summary.spendX ?? summary.x;
  const out: CustomerValues = {
    customerIds: summary.customerIds,
    pAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    clv: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const j = rowOf[i] as number;
    const s = gammaGammaExpectedSpend(spend, spendX[i] as number, summary.meanSpend[i] as number);
    out.pAlive[i] = rowAlive[j] as number;
    out.expectedPurchases[i] = rowPurchases[j] as number;
    out.expectedSpend[i] = s;
    out.clv[i] = (rowDiscounted[j] as number) * s * settings.margin;
  }
  return out;
}
