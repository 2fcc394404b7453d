/**
 * Which spend model a workspace gets. Gamma-Gamma (gamma-gamma.ts) assumes a customer's spend per
 * purchase does not depend on how often they buy, and needs enough repeat buyers to estimate three
 * parameters and a finite mean (q > 1). When any of that fails we say which and fall back to the plain
 * mean value of a repeat purchase occasion, the same for every customer: cruder, but it cannot invent
 * differences between customers that the data do not support.
 */
import { fitGammaGamma, type GammaGammaParams, gammaGammaExpectedSpend, spendRows } from "./gamma-gamma.ts";
import type { ModelFit } from "./model-fit.ts";

/** Fewer repeat buyers than this reads as "not enough data" everywhere in the product (DOMAIN.md). */
export const MIN_SPEND_CUSTOMERS = 30;
/** |Pearson correlation| of purchase count and mean spend above which independence is not credible. */
export const MAX_FREQUENCY_SPEND_CORRELATION = 0.3;

export type SpendFallbackReason = "too_few_repeat_customers" | "frequency_spend_correlated" | "fit_failed";

export type SpendModel =
  | {
      kind: "gamma-gamma";
      fit: ModelFit<GammaGammaParams>;
      customers: number;
      correlation: number;
      meanSpend: number;
    }
  | { kind: "mean"; reason: SpendFallbackReason; customers: number; correlation: number; meanSpend: number };

/** Pearson correlation of x and z̄ over the customers with repeat purchases (NaN below two of them). */
export function frequencySpendCorrelation(x: ArrayLike<number>, zbar: ArrayLike<number>): number {
  let n = 0;
  let mx = 0;
  let mz = 0;
  for (let i = 0; i < x.length; i++) {
    if (!((x[i] as number) > 0 && (zbar[i] as number) > 0)) continue;
    n++;
    mx += ((x[i] as number) - mx) / n;
    mz += ((zbar[i] as number) - mz) / n;
  }
  if (n < 2) return Number.NaN;
  let sxz = 0;
  let sxx = 0;
  let szz = 0;
  for (let i = 0; i < x.length; i++) {
    if (!((x[i] as number) > 0 && (zbar[i] as number) > 0)) continue;
    const dx = (x[i] as number) - mx;
    const dz = (zbar[i] as number) - mz;
    sxz += dx * dz;
    sxx += dx * dx;
    szz += dz * dz;
  }
  return sxx > 0 && szz > 0 ? sxz / Math.sqrt(sxx * szz) : 0;
}

/** Gamma-Gamma when its assumptions hold and it fits, otherwise the mean value of a repeat occasion. */
export function chooseSpendModel(x: ArrayLike<number>, zbar: ArrayLike<number>): SpendModel {
  let customers = 0;
  let occasions = 0;
  let value = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const zi = zbar[i] as number;
    if (!(xi > 0 && zi > 0)) continue;
    customers++;
    occasions += xi;
    value += xi * zi;
  }
  const meanSpend = occasions > 0 ? value / occasions : Number.NaN;
  const correlation = frequencySpendCorrelation(x, zbar);
  const base = { customers, correlation, meanSpend };
  if (customers < MIN_SPEND_CUSTOMERS) return { kind: "mean", reason: "too_few_repeat_customers", ...base };
  if (Math.abs(correlation) > MAX_FREQUENCY_SPEND_CORRELATION) {
    return { kind: "mean", reason: "frequency_spend_correlated", ...base };
  }
  try {
    const fit = fitGammaGamma(spendRows(x, zbar));
    const mean = gammaGammaExpectedSpend(fit.params, 0, 0);
    if (!fit.converged || !Number.isFinite(mean) || mean <= 0)
      return { kind: "mean", reason: "fit_failed", ...base };
    return { kind: "gamma-gamma", fit, ...base };
  } catch {
    return { kind: "mean", reason: "fit_failed", ...base };
  }
}

/** Expected spend per purchase occasion of one customer under the chosen model. */
export function expectedSpendOf(model: SpendModel, x: number, zbar: number): number {
  return model.kind === "gamma-gamma" ? gammaGammaExpectedSpend(model.fit.params, x, zbar) : model.meanSpend;
}
