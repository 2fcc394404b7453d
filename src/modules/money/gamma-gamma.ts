/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value", brucehardie.com
 * note 025, building on Colombo & Jiang 1999): each transaction of a customer is gamma(p, ν); ν varies
 * across customers as gamma(q, γ). It is fitted on the customers with repeat purchases, using their number
 * of repeat transactions x and the mean value z̄ of those.
 */
import { AppError } from "../../platform/errors.ts";
import { groupIdentical, systematicSubsample } from "../../platform/stats/group-rows.ts";
import { fitPositiveMle, type PositiveMleOptions } from "../../platform/stats/mle.ts";
import { digamma, logGamma } from "../../platform/stats/special.ts";
import { WARM_START_CUSTOMERS } from "./bgnbd.ts";
import { type ModelFit, totalWeight } from "./model-fit.ts";

export type GammaGammaParams = { p: number; q: number; gamma: number };
export type SpendRows = { x: Float64Array; zbar: Float64Array; weight: Float64Array };

/** Keeps customers with x > 0 and z̄ > 0 and merges identical (x, z̄) pairs (amounts in cents repeat a lot). */
export function spendRows(x: ArrayLike<number>, zbar: ArrayLike<number>): SpendRows {
  const xs: number[] = [];
  const zs: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if ((x[i] as number) > 0 && (zbar[i] as number) > 0) {
      xs.push(x[i] as number);
      zs.push(zbar[i] as number);
    }
  }
  const g = groupIdentical([xs, zs]);
  const [gx, gz] = g.columns as [Float64Array, Float64Array];
  return { x: gx, zbar: gz, weight: g.weight };
}

type Prepared = {
  x: Int32Array;
  zbar: Float64Array;
  weight: Float64Array;
  maxX: number;
  /** Weighted number of customers. */
  n: number;
  /** Weighted count of customers with each x. */
  countByX: Float64Array;
  /** Σ w log z̄ and Σ w x (log z̄ + log x): the parameter-free parts of the density. */
  sumLogZ: number;
  sumXLogXZ: number;
};

function prepare(rows: SpendRows): Prepared {
  const n = rows.x.length;
  const x = new Int32Array(n);
  let maxX = 0;
  for (let i = 0; i < n; i++) {
    const xi = rows.x[i] as number;
    if (!(Number.isInteger(xi) && xi > 0 && (rows.zbar[i] as number) > 0)) {
      throw new AppError("validation", `row ${i}: need integer x > 0 and mean spend > 0`, { row: i });
    }
    x[i] = xi;
    maxX = Math.max(maxX, xi);
  }
  const countByX = new Float64Array(maxX + 1);
  let sumLogZ = 0;
  let sumXLogXZ = 0;
  for (let i = 0; i < n; i++) {
    const w = rows.weight[i] as number;
    const xi = x[i] as number;
    const lz = Math.log(rows.zbar[i] as number);
    countByX[xi] = (countByX[xi] as number) + w;
    sumLogZ += w * lz;
    sumXLogXZ += w * xi * (lz + Math.log(xi));
  }
  return {
    x,
    zbar: rows.zbar,
    weight: rows.weight,
    maxX,
    n: totalWeight(rows.weight),
    countByX,
    sumLogZ,
    sumXLogXZ,
  };
}

/**
 * Log-likelihood and, when `grad` is given, its gradient in (p, q, γ). Density of z̄ (note 025):
 * f(z̄ | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q).
 * Terms that depend on x alone are summed per distinct x, so each row costs one logarithm.
 */
function evaluate(d: Prepared, p: number, q: number, g: number, grad?: Float64Array): number {
  if (!(p > 0 && q > 0 && g > 0)) return Number.NaN;
  let ll = (q * Math.log(g) - logGamma(q)) * d.n + p * d.sumXLogXZ - d.sumLogZ;
  let dp = d.sumXLogXZ;
  let dq = grad ? (Math.log(g) - digamma(q)) * d.n : 0;
  let dg = (q / g) * d.n;
  for (let k = 1; k <= d.maxX; k++) {
    const c = d.countByX[k] as number;
    if (c === 0) continue;
    ll += c * (logGamma(p * k + q) - logGamma(p * k));
    if (grad) {
      const dig = digamma(p * k + q);
      dp += c * k * (dig - digamma(p * k));
      dq += c * dig;
    }
  }
  const n = d.x.length;
  for (let i = 0; i < n; i++) {
    const xi = d.x[i] as number;
    const w = d.weight[i] as number;
    const base = g + xi * (d.zbar[i] as number);
    const lb = Math.log(base);
    const shape = p * xi + q;
    ll -= w * shape * lb;
    if (grad) {
      dp -= w * xi * lb;
      dq -= w * lb;
      dg -= (w * shape) / base;
    }
  }
  if (grad) {
    grad[0] = dp;
    grad[1] = dq;
    grad[2] = dg;
  }
  return ll;
}

export function gammaGammaLogLik(params: GammaGammaParams, rows: SpendRows): number {
  return evaluate(prepare(rows), params.p, params.q, params.gamma);
}

const toParams = (v: ArrayLike<number>): GammaGammaParams => ({
  p: v[0] as number,
  q: v[1] as number,
  gamma: v[2] as number,
});

/**
 * Maximum likelihood fit with the analytic gradient (digamma terms per distinct x). Starts at p = 1,
 * q = 2 and γ set so the implied mean spend pγ/(q − 1) equals the observed mean of z̄.
 */
export function fitGammaGamma(
  rows: SpendRows,
  options: { start?: GammaGammaParams; optimizer?: PositiveMleOptions } = {},
): ModelFit<GammaGammaParams> {
  return fitGammaGammaFull(rows, options).model;
}

function fitGammaGammaFull(
  rows: SpendRows,
  options: { start?: GammaGammaParams; optimizer?: PositiveMleOptions },
): { model: ModelFit<GammaGammaParams>; inverseHessianInLogs: Float64Array | null } {
  const d = prepare(rows);
  const n = d.n;
  if (!(n >= 2))
    throw new AppError("validation", "the spend model needs at least two customers with repeat purchases");
  let mean = 0;
  for (let i = 0; i < d.x.length; i++) mean += ((d.weight[i] as number) * (d.zbar[i] as number)) / n;
  let s = options.start ?? { p: 1, q: 2, gamma: mean };
  let evaluations = 0;
  let warm: PositiveMleOptions = {};
  // As for BG/NBD: explore on a systematic subsample, finish with BFGS on every row.
  if (n > 2 * WARM_START_CUSTOMERS && !options.start) {
    const sub = systematicSubsample(rows.weight, WARM_START_CUSTOMERS);
    const pick = (col: Float64Array) => Float64Array.from(sub.index, (i) => col[i] as number);
    const small = fitGammaGammaFull(
      { x: pick(rows.x), zbar: pick(rows.zbar), weight: sub.weight },
      { start: s },
    );
    s = small.model.params;
    evaluations += small.model.evaluations;
    const scale = small.model.customers / n;
    warm = { skipSimplex: true, inverseHessian: small.inverseHessianInLogs?.map((v) => v * scale) };
  }
  const fit = fitPositiveMle(
    (v) => evaluate(d, v[0] as number, v[1] as number, v[2] as number),
    [s.p, s.q, s.gamma],
    {
      ...warm,
      ...options.optimizer,
      gradient: (v, out) => evaluate(d, v[0] as number, v[1] as number, v[2] as number, out),
    },
  );
  const model = {
    params: toParams(fit.estimate),
    standardErrors: toParams(fit.standardError),
    logLik: fit.logLik,
    converged: fit.converged,
    evaluations: evaluations + fit.evaluations,
    customers: n,
    rows: d.x.length,
  };
  return { model, inverseHessianInLogs: fit.inverseHessianInLogs };
}

/**
 * E[Z | x, z̄], the expected mean transaction value of a customer (note 025): a weighted average of the
 * population mean pγ/(q − 1) and the customer's own z̄, with weight px/(px + q − 1) on z̄. With x = 0 it
 * is the population mean. Needs q > 1 (otherwise the mean spend is infinite and NaN is returned).
 */
export function gammaGammaExpectedSpend({ p, q, gamma }: GammaGammaParams, x: number, zbar: number): number {
  if (!(q > 1)) return Number.NaN;
  if (!(x > 0)) return (p * gamma) / (q - 1);
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}
