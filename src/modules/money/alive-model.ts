/**
 * "Probability still active" comes from Pareto/NBD, not from the BG/NBD that drives CLV: in BG/NBD a
 * customer can only drop out right after a purchase, so everyone who bought once is alive for sure
 * (bgnbdProbabilityAlive returns 1 for x = 0), and in most shops that is most customers. Pareto/NBD lets
 * a customer leave at any moment, so a one-time buyer's P(alive) fades with time as it should. See
 * docs/decisions/0004-money.md.
 *
 * Pareto/NBD has no analytic gradient here and costs a hypergeometric function per row, so on large
 * workspaces it is fitted on a systematic subsample of the compressed rows (the relative frequencies
 * stay, so the estimate is unbiased; only its standard errors are those of the subsample).
 */
import { systematicSubsample } from "../../platform/stats/group-rows.ts";
import { fitPositiveMle } from "../../platform/stats/mle.ts";
import type { ModelFit } from "./model-fit.ts";
import {
  PARETO_NEWTON_STEPS,
  type ParetoNbdParams,
  paretoNbdLogLikFunction,
  paretoNbdProbabilityAlive,
} from "./pareto-nbd.ts";
import type { RfmRows } from "./summary.ts";

/** Customers the Pareto/NBD fit sees at most (about 5 s on this project's machines). */
export const ALIVE_SUBSAMPLE = 5_000;
/**
 * When customers hardly differ (small or very regular shops) the Pareto/NBD optimum runs off to infinity
 * (r, α, s, β → ∞: every customer has the same rates), and its likelihood's hypergeometric series need
 * ever more terms there: one evaluation took 25 s on 67 customers. So the search stays in a box whose
 * edge already means "no heterogeneity" (a gamma shape of 10⁴ is a coefficient of variation of 1%), and
 * has a time budget. An optimum at the box's edge is kept (it is the homogeneous limit, and P(alive) is
 * well defined there) and flagged; past the budget the fit fails and BG/NBD's P(alive) is kept.
 */
const MAX_SHAPE = 1e4;
const MAX_SCALE = 1e7;
export const ALIVE_TIME_BUDGET_MS = 20_000;

export type AliveModel =
  | { kind: "pareto-nbd"; fit: ModelFit<ParetoNbdParams>; subsample: number | null; boundary: boolean }
  | { kind: "bgnbd"; reason: "pareto_failed" | "pareto_too_slow" };

class OutOfTime extends Error {}

/** fitParetoNbd's maximum likelihood (same start), inside the box and the time budget above. */
export function fitParetoNbdBounded(
  rows: RfmRows,
  budgetMs = ALIVE_TIME_BUDGET_MS,
): ModelFit<ParetoNbdParams> {
  const ll = paretoNbdLogLikFunction(rows);
  let purchases = 0;
  let exposure = 0;
  let customers = 0;
  for (let i = 0; i < rows.x.length; i++) {
    purchases += (rows.weight[i] as number) * (rows.x[i] as number);
    exposure += (rows.weight[i] as number) * (rows.T[i] as number);
    customers += rows.weight[i] as number;
  }
  const scale = exposure / purchases;
  const deadline = performance.now() + budgetMs;
  const fit = fitPositiveMle(
    (v) => {
      if (performance.now() > deadline) throw new OutOfTime();
      const [r, alpha, s, beta] = v as unknown as [number, number, number, number];
      if (r > MAX_SHAPE || s > MAX_SHAPE || alpha > MAX_SCALE || beta > MAX_SCALE) return Number.NaN;
      return ll({ r, alpha, s, beta });
    },
    [1, scale, 1, scale],
    { newtonSteps: PARETO_NEWTON_STEPS },
  );
  const p = (v: Float64Array): ParetoNbdParams => ({
    r: v[0] as number,
    alpha: v[1] as number,
    s: v[2] as number,
    beta: v[3] as number,
  });
  return {
    params: p(fit.estimate),
    standardErrors: p(fit.standardError),
    logLik: fit.logLik,
    converged: fit.converged,
    evaluations: fit.evaluations,
    customers,
    rows: rows.x.length,
  };
}

/** Whether an estimate sits at the box's edge (the optimum is "no heterogeneity", not a number). */
const atEdge = (p: ParetoNbdParams): boolean =>
  p.r > MAX_SHAPE / 2 || p.s > MAX_SHAPE / 2 || p.alpha > MAX_SCALE / 2 || p.beta > MAX_SCALE / 2;

export function fitAliveModel(
  rows: RfmRows,
  target = ALIVE_SUBSAMPLE,
  budgetMs = ALIVE_TIME_BUDGET_MS,
): AliveModel {
  let total = 0;
  for (const w of rows.weight) total += w;
  let use = rows;
  let subsample: number | null = null;
  if (total > target) {
    const sub = systematicSubsample(rows.weight, target);
    const pick = (col: Float64Array) => Float64Array.from(sub.index, (i) => col[i] as number);
    use = { x: pick(rows.x), tx: pick(rows.tx), T: pick(rows.T), weight: sub.weight };
    subsample = sub.weight.reduce((s, w) => s + w, 0);
  }
  try {
    const fit = fitParetoNbdBounded(use, budgetMs);
    const p = fit.params;
    const finite = [p.r, p.alpha, p.s, p.beta].every((v) => Number.isFinite(v) && v > 0);
    const boundary = atEdge(p);
    // At the edge the optimiser cannot report convergence (the optimum is outside the box).
    const ok = finite && (fit.converged || boundary);
    return ok ? { kind: "pareto-nbd", fit, subsample, boundary } : { kind: "bgnbd", reason: "pareto_failed" };
  } catch (e) {
    if (e instanceof OutOfTime) return { kind: "bgnbd", reason: "pareto_too_slow" };
    return { kind: "bgnbd", reason: "pareto_failed" };
  }
}

/** P(alive) for each unique row; null when the BG/NBD values should be kept. */
export function aliveByRow(model: AliveModel, rows: { x: Float64Array; tx: Float64Array; T: Float64Array }) {
  if (model.kind !== "pareto-nbd") return null;
  const out = new Float64Array(rows.x.length);
  for (let j = 0; j < out.length; j++) {
    out[j] = paretoNbdProbabilityAlive(
      model.fit.params,
      rows.x[j] as number,
      rows.tx[j] as number,
      rows.T[j] as number,
    );
  }
  return out;
}
