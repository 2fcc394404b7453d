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
import type { ModelFit } from "./model-fit.ts";
import {
  fitParetoNbd,
  ParetoNbdOutOfTime,
  type ParetoNbdParams,
  paretoNbdProbabilityAlive,
} from "./pareto-nbd.ts";
import type { RfmRows } from "./summary.ts";

/** Customers the Pareto/NBD fit sees at most (about 5 s on this project's machines). */
export const ALIVE_SUBSAMPLE = 5_000;
/** Time the Pareto/NBD fit may take before P(alive) is left to BG/NBD (see fitParetoNbd's box). */
export const ALIVE_TIME_BUDGET_MS = 20_000;

export type AliveModel =
  | { kind: "pareto-nbd"; fit: ModelFit<ParetoNbdParams>; subsample: number | null; boundary: boolean }
  | { kind: "bgnbd"; reason: "pareto_failed" | "pareto_too_slow" };

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
    const { boundary, ...fit } = fitParetoNbd(use, { budgetMs });
    const p = fit.params;
    const finite = [p.r, p.alpha, p.s, p.beta].every((v) => Number.isFinite(v) && v > 0);
    // An optimum at the box's edge is kept: P(alive) is well defined in the homogeneous limit.
    const ok = finite && (fit.converged || boundary);
    return ok ? { kind: "pareto-nbd", fit, subsample, boundary } : { kind: "bgnbd", reason: "pareto_failed" };
  } catch (e) {
    if (e instanceof ParetoNbdOutOfTime) return { kind: "bgnbd", reason: "pareto_too_slow" };
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
