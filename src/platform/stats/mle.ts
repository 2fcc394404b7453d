/**
 * Maximum likelihood for models whose parameters are all positive: optimise over u = log θ (no bounds to
 * police, and the surface is closer to quadratic there), take the Hessian in u, report θ and its standard
 * errors on the natural scale.
 */
import { covarianceFromLogHessian, hessianFromGradient, invertSymmetric, numericHessian } from "./hessian.ts";
import { type Gradient, type MinimizeOptions, minimize } from "./optimize.ts";

export type PositiveMleOptions = Omit<MinimizeOptions, "gradient"> & {
  /** Further starting points; the best optimum over all starts wins. */
  extraStarts?: ArrayLike<number>[];
  /** Gradient of the log-likelihood with respect to θ (natural scale), written into `out`. */
  gradient?: (theta: Float64Array, out: Float64Array) => number;
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
  const u = best.x;
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
    logLik: -best.value,
    converged: best.converged && covariance !== null,
    evaluations,
    gradientNorm: best.gradientNorm,
  };
}
