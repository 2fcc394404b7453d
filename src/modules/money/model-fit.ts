/** What every fitted model reports, whatever its parameters. */
export type ModelFit<P> = {
  params: P;
  /** Standard errors from the inverse observed information, natural scale; NaN if it is not positive definite. */
  standardErrors: P;
  logLik: number;
  converged: boolean;
  /** Log-likelihood evaluations the fit cost (optimiser and Hessian). */
  evaluations: number;
  /** Customers the fit saw, and the unique rows they compressed into. */
  customers: number;
  rows: number;
};

/** Weighted row count. */
export const totalWeight = (weight: Float64Array): number => weight.reduce((s, w) => s + w, 0);
