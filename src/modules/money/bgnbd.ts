/**
 * BG/NBD purchase model (Fader, Hardie & Lee 2005, "'Counting Your Customers' the Easy Way", Marketing
 * Science 24(2)): while active a customer buys at a gamma(r, α)-distributed Poisson rate λ and after each
 * purchase drops out with a beta(a, b)-distributed probability p. Equation numbers below are that paper's.
 */
import { AppError } from "../../platform/errors.ts";
import { systematicSubsample } from "../../platform/stats/group-rows.ts";
import { hyp2f1Times } from "../../platform/stats/hypergeometric.ts";
import { fitPositiveMle, type PositiveMleOptions } from "../../platform/stats/mle.ts";
import { logBeta, logGamma } from "../../platform/stats/special.ts";
import { bgnbdLikelihood } from "./bgnbd-likelihood.ts";
import { type ModelFit, totalWeight } from "./model-fit.ts";
import type { RfmRows } from "./summary.ts";

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

/** Checks the rows once and returns a fast log-likelihood over them (eq. 6; see bgnbd-likelihood.ts). */
export function bgnbdLogLikFunction(rows: RfmRows): (p: BgNbdParams) => number {
  const { evaluate } = bgnbdLikelihood(rows);
  return ({ r, alpha, a, b }) => evaluate([r, alpha, a, b]);
}

/** Total log-likelihood, eq. (6) summed over weighted rows. */
export function bgnbdLogLik(params: BgNbdParams, rows: RfmRows): number {
  return bgnbdLogLikFunction(rows)(params);
}

const toParams = (v: ArrayLike<number>): BgNbdParams => ({
  r: v[0] as number,
  alpha: v[1] as number,
  a: v[2] as number,
  b: v[3] as number,
});

/** Above twice this many customers the simplex search runs on a subsample of about this size first. */
export const WARM_START_CUSTOMERS = 20_000;

/**
 * Maximum likelihood fit with the analytic gradient. The start matches the mean purchase rate r/α to the
 * observed repeat purchases per unit of time (with r = 1, a = b = 1). On large data the derivative-free
 * search runs on a systematic subsample, and BFGS finishes on all rows from there, seeded with the
 * subsample's inverse Hessian scaled by the sample fraction: the optimum is the full-data one, only the
 * exploration is done cheaply.
 */
export function fitBgNbd(
  rows: RfmRows,
  options: { start?: BgNbdParams; optimizer?: PositiveMleOptions } = {},
): ModelFit<BgNbdParams> {
  return fitWithWarmStart(rows, options).model;
}

function fitWithWarmStart(
  rows: RfmRows,
  options: { start?: BgNbdParams; optimizer?: PositiveMleOptions },
): { model: ModelFit<BgNbdParams>; inverseHessianInLogs: Float64Array | null } {
  const lik = bgnbdLikelihood(rows);
  const customers = totalWeight(rows.weight);
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < rows.x.length; i++) {
    purchases += (rows.weight[i] as number) * (rows.x[i] as number);
    exposure += (rows.weight[i] as number) * (rows.T[i] as number);
  }
  if (!(purchases > 0 && exposure > 0)) {
    throw new AppError("validation", "BG/NBD needs at least one repeat purchase and some time observed");
  }
  let start = options.start ?? { r: 1, alpha: exposure / purchases, a: 1, b: 1 };
  let evaluations = 0;
  let warm: PositiveMleOptions = {};
  if (customers > 2 * WARM_START_CUSTOMERS && !options.start) {
    const sub = systematicSubsample(rows.weight, WARM_START_CUSTOMERS);
    const pick = (col: Float64Array) => Float64Array.from(sub.index, (i) => col[i] as number);
    const small = fitWithWarmStart(
      { x: pick(rows.x), tx: pick(rows.tx), T: pick(rows.T), weight: sub.weight },
      { start },
    );
    start = small.model.params;
    evaluations += small.model.evaluations;
    const scale = small.model.customers / customers;
    warm = { skipSimplex: true, inverseHessian: small.inverseHessianInLogs?.map((v) => v * scale) };
  }
  const fit = fitPositiveMle((v) => lik.evaluate(v), [start.r, start.alpha, start.a, start.b], {
    ...warm,
    ...options.optimizer,
    gradient: (v, out) => lik.evaluate(v, out),
  });
  const model = {
    params: toParams(fit.estimate),
    standardErrors: toParams(fit.standardError),
    logLik: fit.logLik,
    converged: fit.converged,
    evaluations: evaluations + fit.evaluations,
    customers,
    rows: rows.x.length,
  };
  return { model, inverseHessianInLogs: fit.inverseHessianInLogs };
}

/**
 * The closed forms divide by a − 1 and contain ₂F₁ with c = a + b + x − 1; both are removable
 * singularities of the expectation itself, so at them we average the two sides (error O(h²)).
 */
function awayFromPoles(a: number, b: number, x: number, f: (a: number) => number): number {
  const c = a + b + x - 1;
  const h = 1e-5;
  const nearPole = Math.abs(a - 1) < h || (c < 0.5 && Math.abs(c - Math.round(c)) < h);
  return nearPole ? 0.5 * (f(a + 2 * h) + f(a - 2 * h)) : f(a);
}

/** E[X(t)], expected repeat purchases of a new customer in (0, t], eq. (9). */
export function bgnbdExpectedPurchases({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  const z = t / (alpha + t);
  const logQ = r * Math.log(alpha / (alpha + t));
  return awayFromPoles(
    a,
    b,
    0,
    (aa) => ((aa + b - 1) / (aa - 1)) * (1 - hyp2f1Times(r, b, aa + b - 1, z, logQ)),
  );
}

/** P(X(t) = n), eq. (8). The NBD tail is summed directly when it is small, to keep its digits. */
export function bgnbdProbabilityPurchases({ r, alpha, a, b }: BgNbdParams, t: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) return 0;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const logB = logBeta(a, b);
  const logQ = Math.log(alpha / (alpha + t));
  const logZ = Math.log(t / (alpha + t));
  const nbd = (j: number): number =>
    Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logQ + j * logZ);
  const first = Math.exp(logBeta(a, b + n) - logB) * nbd(n);
  if (n === 0) return first;
  const z = t / (alpha + t);
  let head = 0;
  let term = Math.exp(r * logQ);
  for (let j = 0; j < n; j++) {
    head += term;
    term *= ((r + j) / (j + 1)) * z;
  }
  // 1 − head loses digits only when the tail is tiny; then sum the tail itself (stopping before
  // subnormal numbers, where multiplying by a ratio below 1 can leave a term unchanged).
  let tail = 1 - head;
  if (tail < 1e-3) {
    let sum = 0;
    let tj = nbd(n);
    for (let j = n; tj > 1e-17 * sum && tj > 1e-300; j++) {
      sum += tj;
      tj *= ((r + j) / (j + 1)) * z;
    }
    tail = sum;
  }
  return first + Math.exp(logBeta(a + 1, b + n - 1) - logB) * Math.max(0, tail);
}

/** P(alive | x, t_x, T) (Fader, Hardie & Lee 2008, note 021, "Computing P(alive) Using the BG/NBD Model"). */
export function bgnbdProbabilityAlive(
  { r, alpha, a, b }: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  // With no repeat purchase there was never a chance to drop out: the model says alive for sure.
  if (x === 0) return 1;
  const logit = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logit));
}

/** E[Y(t) | x, t_x, T], expected purchases in the next t units, eq. (10). */
export function bgnbdConditionalExpected(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const logQ = (r + x) * Math.log((alpha + T) / (alpha + T + t));
  const bracket = awayFromPoles(a, b, x, (aa) => {
    const c = aa + b + x - 1;
    return (c / (aa - 1)) * (1 - hyp2f1Times(r + x, b + x, c, z, logQ));
  });
  return bracket * bgnbdProbabilityAlive(params, x, tx, T);
}
