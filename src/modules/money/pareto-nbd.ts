/**
 * Pareto/NBD purchase model (Schmittlein, Morrison & Colombo 1987): while active a customer buys at a
 * gamma(r, α) Poisson rate λ and stays active for an exponential lifetime whose rate μ is gamma(s, β).
 * Expressions follow Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions", brucehardie.com note 009 (cited as "note 009" below).
 */
import { AppError } from "../../platform/errors.ts";
import { logHyp2f1 } from "../../platform/stats/hypergeometric.ts";
import { fitPositiveMle, type PositiveMleOptions } from "../../platform/stats/mle.ts";
import { log1mExp, logAddExp, logGamma } from "../../platform/stats/special.ts";
import { type ModelFit, totalWeight } from "./model-fit.ts";
import type { RfmRows } from "./summary.ts";

export type ParetoNbdParams = { r: number; alpha: number; s: number; beta: number };

/**
 * log of one term of note 009's A₀: ₂F₁(r+s+x, ·; r+s+x+1; |α−β|/(max(α,β)+t)) / (max(α,β)+t)^(r+s+x).
 * Euler's transformation (DLMF 15.8.1) turns it into (α+t)^(−(r+x)) (β+t)^(−s) ₂F₁(1, r+x; r+s+x+1; z)
 * when α ≥ β and (α+t)^(1−r−x) (β+t)^(−s−1) ₂F₁(1, s+1; r+s+x+1; z) when α < β: the same number, but
 * with a series whose terms only shrink, and 1 − z never formed by subtraction.
 */
function logA0Term(r: number, alpha: number, s: number, beta: number, x: number, t: number): number {
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + t);
    return -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t) + logHyp2f1(1, r + x, c, z);
  }
  const z = (beta - alpha) / (beta + t);
  return (1 - r - x) * Math.log(alpha + t) - (s + 1) * Math.log(beta + t) + logHyp2f1(1, s + 1, c, z);
}

/**
 * Per-customer pieces of the likelihood (note 009, the likelihood function with its A₀ term):
 * L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^(−(r+x)) (β+T)^(−s) + s/(r+s+x) · A₀ ].
 * Returns log L and the log of the "still alive at T" part, whose ratio is P(alive).
 */
function rowTerms(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  logGammaRatio = logGamma(p.r + x) - logGamma(p.r),
): { logLik: number; logAlive: number } {
  const { r, alpha, s, beta } = p;
  const logC = logGammaRatio + r * Math.log(alpha) + s * Math.log(beta);
  const logAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  let logA0 = Number.NEGATIVE_INFINITY;
  if (T > tx) {
    const hi = logA0Term(r, alpha, s, beta, x, tx);
    const lo = logA0Term(r, alpha, s, beta, x, T);
    logA0 = hi + log1mExp(Math.min(0, lo - hi));
  }
  const logBracket = logAddExp(logAlive, Math.log(s / (r + s + x)) + logA0);
  return { logLik: logC + logBracket, logAlive: logAlive - logBracket };
}

/** Checks the rows once and returns the log-likelihood over them. */
export function paretoNbdLogLikFunction(rows: RfmRows): (p: ParetoNbdParams) => number {
  const n = rows.x.length;
  let maxX = 0;
  for (let i = 0; i < n; i++) {
    const xi = rows.x[i] as number;
    const ti = rows.tx[i] as number;
    if (!(Number.isInteger(xi) && xi >= 0 && ti >= 0 && (rows.T[i] as number) >= ti)) {
      throw new AppError("validation", `row ${i}: need integer x ≥ 0 and 0 ≤ t_x ≤ T`, { row: i });
    }
    maxX = Math.max(maxX, xi);
  }
  // log Γ(r+x)/Γ(r) for every x by recurrence, once per evaluation rather than twice per row.
  const logGammaRatio = new Float64Array(maxX + 1);
  return (p) => {
    if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) return Number.NaN;
    for (let k = 0; k < maxX; k++) logGammaRatio[k + 1] = (logGammaRatio[k] as number) + Math.log(p.r + k);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = rows.x[i] as number;
      const row = rowTerms(p, x, rows.tx[i] as number, rows.T[i] as number, logGammaRatio[x] as number);
      sum += (rows.weight[i] as number) * row.logLik;
    }
    return sum;
  };
}

export function paretoNbdLogLik(params: ParetoNbdParams, rows: RfmRows): number {
  return paretoNbdLogLikFunction(rows)(params);
}

const toParams = (v: ArrayLike<number>): ParetoNbdParams => ({
  r: v[0] as number,
  alpha: v[1] as number,
  s: v[2] as number,
  beta: v[3] as number,
});

/**
 * After BFGS, one Newton step: the likelihood is nearly flat along a ridge in (α, β) (on CDNOW, β's
 * standard error is 6.2), so BFGS's stop (a gain under 1e-10) can leave β 1e-4 short of the maximum;
 * the step brings every parameter to within ~1e-6 of it (checked against a 40-digit evaluation).
 */
export const PARETO_NEWTON_STEPS = 1;

/**
 * When customers hardly differ (small or very regular shops) the optimum runs off to infinity (r, α, s,
 * β → ∞: everyone has the same rates), and the likelihood's hypergeometric series need ever more terms on
 * the way: one evaluation took 25 s on 67 customers, and an unbounded fit never returned. So the search
 * stays in a box whose edge already means "no heterogeneity" (a gamma shape of 10⁴ is a coefficient of
 * variation of 1%; real fits sit far inside: CDNOW's shapes are 0.55 and 0.61, its scales 10.6 and
 * 11.7). An optimum at the edge is returned with `boundary` set: the rates it implies are meaningful,
 * the parameters themselves are not.
 */
export const PARETO_MAX_SHAPE = 1e4;
export const PARETO_MAX_SCALE = 1e7;

export type ParetoNbdFit = ModelFit<ParetoNbdParams> & {
  /** The estimate sits at the search box's edge: customers do not differ measurably (see above). */
  boundary: boolean;
};

/** Thrown when a fit runs past its time budget (`budgetMs`). */
export class ParetoNbdOutOfTime extends AppError {
  constructor(budgetMs: number) {
    super(
      "unavailable",
      `Pareto/NBD did not finish within ${Math.round(budgetMs / 1000)} s: the likelihood's series converge ` +
        "slowly on these customers; BG/NBD fits the same data in seconds",
      { budgetMs },
    );
  }
}

const atEdge = (p: ParetoNbdParams): boolean =>
  p.r > PARETO_MAX_SHAPE / 2 ||
  p.s > PARETO_MAX_SHAPE / 2 ||
  p.alpha > PARETO_MAX_SCALE / 2 ||
  p.beta > PARETO_MAX_SCALE / 2;

/**
 * Maximum likelihood fit inside the box above, started with λ̄ matched to the observed repeat rate and a
 * unit-rate lifetime scale. With `budgetMs`, gives up with ParetoNbdOutOfTime once that time has passed.
 */
export function fitParetoNbd(
  rows: RfmRows,
  options: { start?: ParetoNbdParams; optimizer?: PositiveMleOptions; budgetMs?: number } = {},
): ParetoNbdFit {
  const ll = paretoNbdLogLikFunction(rows);
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < rows.x.length; i++) {
    purchases += (rows.weight[i] as number) * (rows.x[i] as number);
    exposure += (rows.weight[i] as number) * (rows.T[i] as number);
  }
  if (!(purchases > 0 && exposure > 0)) {
    throw new AppError("validation", "Pareto/NBD needs at least one repeat purchase and some time observed");
  }
  // Inside the box, or the search could not start (a few purchases over a very long time).
  const scale = Math.min(exposure / purchases, PARETO_MAX_SCALE / 10);
  const s0 = options.start ?? { r: 1, alpha: scale, s: 1, beta: scale };
  const budgetMs = options.budgetMs;
  const deadline = budgetMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + budgetMs;
  const objective = (v: Float64Array): number => {
    if (budgetMs !== undefined && performance.now() > deadline) throw new ParetoNbdOutOfTime(budgetMs);
    const p = toParams(v);
    if (
      p.r > PARETO_MAX_SHAPE ||
      p.s > PARETO_MAX_SHAPE ||
      p.alpha > PARETO_MAX_SCALE ||
      p.beta > PARETO_MAX_SCALE
    )
      return Number.NaN;
    return ll(p);
  };
  const fit = fitPositiveMle(objective, [s0.r, s0.alpha, s0.s, s0.beta], {
    newtonSteps: PARETO_NEWTON_STEPS,
    ...options.optimizer,
  });
  const params = toParams(fit.estimate);
  const boundary = atEdge(params);
  return {
    params,
    standardErrors: toParams(fit.standardError),
    logLik: fit.logLik,
    // At the edge the optimiser cannot report convergence (the optimum lies outside the box).
    converged: fit.converged && !boundary,
    evaluations: fit.evaluations,
    customers: totalWeight(rows.weight),
    rows: rows.x.length,
    boundary,
  };
}

/** P(alive | x, t_x, T) (note 009): the alive-at-T share of the likelihood. */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  return Math.exp(rowTerms(params, x, tx, T).logAlive);
}

/** [1 − (1 + u)^(−k)] / k, continuous through k = 0 (where it is log(1 + u)). */
function powerIntegral(k: number, u: number): number {
  const l = Math.log1p(u);
  return k === 0 ? l : -Math.expm1(-k * l) / k;
}

/** E[X(t)] for a new customer (Schmittlein, Morrison & Colombo 1987; note 009): rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)]. */
export function paretoNbdExpectedPurchases({ r, alpha, s, beta }: ParetoNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  return ((r * beta) / alpha) * powerIntegral(s - 1, t / beta);
}

/** E[Y(t) | x, t_x, T] (note 009): (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive). */
export function paretoNbdConditionalExpected(
  params: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (!(t > 0)) return 0;
  const { r, alpha, s, beta } = params;
  const alive = paretoNbdProbabilityAlive(params, x, tx, T);
  return (((r + x) * (beta + T)) / (alpha + T)) * powerIntegral(s - 1, t / (beta + T)) * alive;
}
