/**
 * Maximum likelihood for models whose parameters are all positive: optimise over u = log θ (no bounds to
 * police, and the surface is closer to quadratic there), take the Hessian in u, report θ and its standard
 * errors on the natural scale.
 */
import { covarianceFromLogHessian, hessianFromGradient, invertSymmetric, numericHessian } from "./hessian.ts";
import { type Gradient, type MinimizeOptions, minimize, type Objective } from "./optimize.ts";

export type PositiveMleOptions = Omit<MinimizeOptions, "gradient"> & {
  /** Further starting points; the best optimum over all starts wins. */
  extraStarts?: ArrayLike<number>[];
  /** Gradient of the log-likelihood with respect to θ (natural scale), written into `out`. */
  gradient?: (theta: Float64Array, out: Float64Array) => number;
  /**
   * Newton steps (full Hessian, numeric unless a gradient is given) after the search, default 0. BFGS
   * stops once the likelihood gains less than 1e-10; on a flat ridge that can leave an estimate 1e-5 of
   * its own size short of the maximum, which a Newton step removes.
   */
  newtonSteps?: number;
};

export type PositiveMleFit = {
  estimate: Float64Array;
  /** √diag of the inverse observed information, natural scale; NaN when the Hessian is not positive definite. */
  standardError: Float64Array;
  covariance: Float64Array | null;
  /** Inverse Hessian of −ℓ in log-parameters (a ready BFGS start for a related, larger fit). */
  inverseHessianInLogs: Float64Array | null;
  logLik: number;
  converged: boolean;
  evaluations: number;
  gradientNorm: number;
};

export function fitPositiveMle(
  logLik: (theta: Float64Array) => number,
  start: ArrayLike<number>,
  options: PositiveMleOptions = {},
): PositiveMleFit {
  const n = start.length;
  const theta = new Float64Array(n);
  const negInLogs = (u: Float64Array): number => {
    for (let i = 0; i < n; i++) theta[i] = Math.exp(u[i] as number);
    return -logLik(theta);
  };
  let gradient: Gradient | undefined;
  const thetaGradient = options.gradient;
  if (thetaGradient) {
    const g = new Float64Array(n);
    gradient = (u, out) => {
      for (let i = 0; i < n; i++) theta[i] = Math.exp(u[i] as number);
      const ll = thetaGradient(theta, g);
      // Chain rule: ∂(−ℓ)/∂u_i = −θ_i ∂ℓ/∂θ_i.
      for (let i = 0; i < n; i++) out[i] = -(theta[i] as number) * (g[i] as number);
      return -ll;
    };
  }
  const starts = [start, ...(options.extraStarts ?? [])];
  let best: ReturnType<typeof minimize> | null = null;
  let evaluations = 0;
  for (const s of starts) {
    const u0 = Float64Array.from(s, (v) => Math.log(v));
    const r = minimize(negInLogs, u0, { ...options, gradient });
    evaluations += r.evaluations;
    if (!best || r.value < best.value) best = r;
  }
  if (!best) throw new Error("fitPositiveMle needs a start");
  let u = best.x;
  let value = best.value;
  for (let k = 0; k < (options.newtonSteps ?? 0); k++) {
    const step = newtonStep(negInLogs, gradient, u, value);
    evaluations += step.evaluations;
    if (!step.x) break;
    u = step.x;
    value = step.value;
  }
  const estimate = u.map((v) => Math.exp(v));
  const hessian = gradient ? hessianFromGradient(gradient, u) : numericHessian(negInLogs, u);
  evaluations += gradient ? 2 * n : 2 * n * n + 1;
  const covariance = covarianceFromLogHessian(hessian, estimate);
  const standardError = Float64Array.from({ length: n }, (_, i) =>
    covariance ? Math.sqrt(covariance[i * n + i] as number) : Number.NaN,
  );
  return {
    estimate,
    standardError,
    covariance,
    inverseHessianInLogs: invertSymmetric(hessian, n),
    logLik: -value,
    converged: best.converged && covariance !== null,
    evaluations,
    gradientNorm: best.gradientNorm,
  };
}

/**
 * One Newton step u − H⁻¹∇f on −ℓ in log-parameters. Without an analytic gradient, ∇f is a central
 * difference with step 1e-4 (rounding in a sum of thousands of terms, ~1e-11, swamps the gradient at
 * smaller steps; the h² truncation is ~1e-8 here). Kept only when H is positive definite, the step is small
 * (a polish, not a search: |Δu| ≤ 0.1) and f does not get worse beyond its rounding.
 */
function newtonStep(
  f: Objective,
  gradient: Gradient | undefined,
  u: Float64Array,
  fu: number,
): { x: Float64Array | null; value: number; evaluations: number } {
  const n = u.length;
  const g = new Float64Array(n);
  let evaluations: number;
  let hessian: Float64Array;
  if (gradient) {
    gradient(u, g);
    hessian = hessianFromGradient(gradient, u);
    evaluations = 2 * n + 1;
  } else {
    const h = 1e-4;
    const p = Float64Array.from(u);
    for (let i = 0; i < n; i++) {
      const ui = u[i] as number;
      p[i] = ui + h;
      const fp = f(p);
      p[i] = ui - h;
      const fm = f(p);
      p[i] = ui;
      g[i] = (fp - fm) / (2 * h);
    }
    hessian = numericHessian(f, u);
    evaluations = 2 * n + 2 * n * n + 1;
  }
  const inverse = invertSymmetric(hessian, n);
  if (!inverse) return { x: null, value: fu, evaluations };
  const x = new Float64Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < n; j++) d -= (inverse[i * n + j] as number) * (g[j] as number);
    largest = Math.max(largest, Math.abs(d));
    x[i] = (u[i] as number) + d;
  }
  if (!(largest <= 0.1)) return { x: null, value: fu, evaluations };
  const fx = f(x);
  evaluations++;
  if (!(fx <= fu + Math.max(1e-12, 1e-14 * Math.abs(fu)))) return { x: null, value: fu, evaluations };
  return { x, value: fx, evaluations };
}
