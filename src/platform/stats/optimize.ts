/**
 * Unconstrained minimisation of smooth functions of a handful of variables (maximum likelihood fits).
 * Nelder–Mead finds the basin without derivatives and shrugs off the NaN/Infinity that likelihoods return
 * at silly parameters; restarting it from its own best point undoes simplex collapse; BFGS then polishes
 * the optimum to the precision a Hessian and published estimates need.
 */

import { nelderMead, type Objective } from "./nelder-mead.ts";

export type { Objective };
/** Writes ∇f(x) into `out` and returns f(x). */
export type Gradient = (x: Float64Array, out: Float64Array) => number;

export type MinimizeOptions = {
  /** Initial simplex edge per coordinate (default 0.5, sized for log-parameters). */
  initialStep?: number;
  /** Nelder–Mead stops when its simplex's values agree to this relative tolerance (default 1e-9). */
  tolerance?: number;
  /** Extra Nelder–Mead runs from the best point found (default 2). */
  restarts?: number;
  maxEvaluations?: number;
  /** Analytic gradient; numeric central differences otherwise. */
  gradient?: Gradient;
  /** Skip Nelder–Mead and go straight to BFGS (for starts known to be close). */
  skipSimplex?: boolean;
  /** BFGS's starting inverse Hessian (n × n row-major), e.g. from a fit on a subsample. */
  inverseHessian?: Float64Array;
};

export { nelderMead };

export type MinimizeResult = {
  x: Float64Array;
  value: number;
  evaluations: number;
  /** Max |∂f/∂x_i| at the end, and whether it is small relative to the objective's scale. */
  gradientNorm: number;
  converged: boolean;
};

const finite = (v: number): number => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);

type Counted = { f: Objective; count: () => number };

function counted(f: Objective): Counted {
  let n = 0;
  return {
    f: (x) => {
      n++;
      return finite(f(x));
    },
    count: () => n,
  };
}

/** Central-difference gradient; the step balances truncation (h²) against rounding (ε/h). */
export function numericGradient(f: Objective, x: Float64Array, out: Float64Array): number {
  const fx = f(x);
  const p = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const h = 6e-6 * Math.max(1, Math.abs(xi));
    p[i] = xi + h;
    const fp = f(p);
    p[i] = xi - h;
    const fm = f(p);
    p[i] = xi;
    out[i] = (fp - fm) / (2 * h);
  }
  return fx;
}

const maxAbs = (v: Float64Array): number => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);

/**
 * BFGS with a backtracking Armijo line search; the inverse-Hessian update is skipped when yᵀs ≤ 0.
 * `tolerance` is absolute in the objective's units (default 1e-10): for a log-likelihood, a gain that
 * small moves no estimate by a visible fraction of its standard error. For sums so large that their
 * rounding exceeds it (1e-14 relative), the rounding level is the tolerance instead.
 */
export function bfgs(
  f: Objective,
  x0: ArrayLike<number>,
  options: {
    gradient?: Gradient;
    maxIterations?: number;
    tolerance?: number;
    inverseHessian?: Float64Array;
  } = {},
): { x: Float64Array; value: number; evaluations: number; gradientNorm: number; iterations: number } {
  const n = x0.length;
  const tolerance = options.tolerance ?? 1e-10;
  let iterations = 0;
  const g = counted(f);
  const grad: Gradient = options.gradient
    ? (x, out) => {
        g.f(x);
        return finite(options.gradient?.(x, out) ?? Number.NaN);
      }
    : (x, out) => numericGradient(g.f, x, out);
  let x: Float64Array = Float64Array.from(x0);
  let gx = new Float64Array(n);
  let fx = grad(x, gx);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  if (options.inverseHessian) H.set(options.inverseHessian);
  const dir = new Float64Array(n);
  const maxIter = options.maxIterations ?? 200;
  let stalls = 0;
  let fresh = !options.inverseHessian;
  let tiny = 0;
  for (; iterations < maxIter && Number.isFinite(fx); iterations++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= (H[i * n + j] as number) * (gx[j] as number);
      dir[i] = s;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += (dir[i] as number) * (gx[i] as number);
    // Half the Newton decrement gᵀHg estimates how far above the minimum we are; once an updated H
    // says less than the tolerance (or than the rounding noise of a large sum), stop.
    const floor = Math.max(tolerance, 1e-14 * Math.abs(fx));
    if (!fresh && -slope / 2 < floor) break;
    if (!(slope < 0)) {
      // Not a descent direction (rounding in H): fall back to steepest descent.
      H.fill(0);
      fresh = true;
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        dir[i] = -(gx[i] as number);
      }
      slope = -gx.reduce((s, v) => s + v * v, 0);
    }
    // Never move a log-parameter by more than 2 in one step.
    let t = Math.min(1, 2 / Math.max(maxAbs(dir), 1e-300));
    let xNew = x;
    let fNew = fx;
    let accepted = false;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((v, i) => v + t * (dir[i] as number));
      fNew = g.f(xNew);
      if (fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted || fNew >= fx) {
      stalls++;
      if (stalls >= 2) break;
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      fresh = true;
      continue;
    }
    const gNew = new Float64Array(n);
    const fCheck = grad(xNew, gNew);
    const improvement = fx - fCheck;
    const s = xNew.map((v, i) => v - (x[i] as number));
    const y = gNew.map((v, i) => v - (gx[i] as number));
    const sy = s.reduce((acc, v, i) => acc + v * (y[i] as number), 0);
    if (sy > 1e-300) {
      if (fresh) {
        // Before the first update, size the identity to the curvature just seen (Nocedal & Wright, eq. 6.20).
        const yy = y.reduce((acc, v) => acc + v * v, 0);
        H.fill(0);
        for (let i = 0; i < n; i++) H[i * n + i] = sy / yy;
        fresh = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = acc;
      }
      const yHy = y.reduce((acc, v, i) => acc + v * (Hy[i] as number), 0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * sj + si * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * si * sj;
        }
      }
    }
    x = xNew;
    fx = fCheck;
    gx = gNew;
    stalls = 0;
    // Gains below the noise floor three times running: the rest is rounding, not progress.
    tiny = improvement < Math.max(tolerance, 1e-14 * Math.abs(fx)) ? tiny + 1 : 0;
    if (tiny >= 3) break;
  }
  return { x, value: fx, evaluations: g.count(), gradientNorm: maxAbs(gx), iterations };
}

/** Nelder–Mead (with restarts) then BFGS; returns the best point either stage saw. */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  let evaluations = 0;
  let x: Float64Array = Float64Array.from(x0);
  let value = finite(f(x));
  evaluations++;
  if (!options.skipSimplex) {
    const restarts = options.restarts ?? 2;
    let step = options.initialStep ?? 0.5;
    for (let run = 0; run <= restarts; run++) {
      const nm = nelderMead(f, x, {
        initialStep: step,
        tolerance: options.tolerance ?? 1e-9,
        maxEvaluations: options.maxEvaluations,
      });
      evaluations += nm.evaluations;
      const gain = value - nm.value;
      if (nm.value <= value) {
        x = nm.x;
        value = nm.value;
      }
      // A restart that gains nothing measurable means the simplex had found the basin's floor.
      if (run > 0 && !(gain > 1e-9 * Math.max(1, Math.abs(value)))) break;
      step = Math.max(step / 4, 0.01);
    }
  }
  const polish = bfgs(f, x, { gradient: options.gradient, inverseHessian: options.inverseHessian });
  evaluations += polish.evaluations;
  if (polish.value <= value) {
    x = polish.x;
    value = polish.value;
  }
  const gradient = new Float64Array(x.length);
  if (options.gradient) options.gradient(x, gradient);
  else numericGradient(f, x, gradient);
  evaluations += options.gradient ? 1 : 2 * x.length + 1;
  const gradientNorm = maxAbs(gradient);
  return {
    x,
    value,
    evaluations,
    gradientNorm,
    converged: Number.isFinite(value) && gradientNorm < 1e-4 * Math.max(1, Math.sqrt(Math.abs(value))),
  };
}
