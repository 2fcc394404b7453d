/**
 * Numeric Hessians and the standard errors they imply. Matrices are row-major Float64Arrays of n × n.
 */
import type { Objective } from "./optimize.ts";

/**
 * Central-difference Hessian of f at x. The step ~ ε^(1/4) per coordinate balances the h² truncation
 * error against rounding in f divided by h², which is the right trade for second differences.
 */
export function numericHessian(f: Objective, x: ArrayLike<number>, relativeStep = 1e-4): Float64Array {
  const n = x.length;
  const h = Float64Array.from({ length: n }, (_, i) => relativeStep * Math.max(1, Math.abs(x[i] as number)));
  const p = Float64Array.from(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    p.set(x as ArrayLike<number>);
    p[i] = (p[i] as number) + di;
    p[j] = (p[j] as number) + dj;
    return f(p);
  };
  const f0 = f(Float64Array.from(x));
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    out[i * n + i] = (at(i, hi, i, 0) - 2 * f0 + at(i, -hi, i, 0)) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j] as number;
      const v =
        (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/**
 * Hessian by central differences of an analytic gradient (2n gradient calls instead of 2n² function
 * calls, and one order of differencing less, so more digits), symmetrised.
 */
export function hessianFromGradient(
  gradient: (x: Float64Array, out: Float64Array) => number,
  x: ArrayLike<number>,
  relativeStep = 1e-5,
): Float64Array {
  const n = x.length;
  const out = new Float64Array(n * n);
  const p = Float64Array.from(x);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    const h = relativeStep * Math.max(1, Math.abs(xj));
    p[j] = xj + h;
    gradient(p, gp);
    p[j] = xj - h;
    gradient(p, gm);
    p[j] = xj;
    for (let i = 0; i < n; i++) out[i * n + j] = ((gp[i] as number) - (gm[i] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * ((out[i * n + j] as number) + (out[j * n + i] as number));
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/** Cholesky factor L (lower, row-major) of a symmetric matrix, or null when it is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / (l[j * n + j] as number);
      }
    }
  }
  return l;
}

/** Inverse of a symmetric positive-definite matrix via Cholesky, or null when it is not positive definite. */
export function invertSymmetric(a: Float64Array, n: number): Float64Array | null {
  const l = cholesky(a, n);
  if (!l) return null;
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    // Solve L y = e_c, then Lᵀ x = y.
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (col[k] as number);
      col[i] = s / (l[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i] as number;
      for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (inv[k * n + c] as number);
      inv[i * n + c] = s / (l[i * n + i] as number);
    }
  }
  return inv;
}

/**
 * Standard errors from the Hessian of a negative log-likelihood: √diag(H⁻¹). NaN everywhere when H is
 * not positive definite (the optimum is a ridge or saddle and no error is honest).
 */
export function standardErrors(hessianOfNegLogLik: Float64Array, n: number): Float64Array {
  const inv = invertSymmetric(hessianOfNegLogLik, n);
  return Float64Array.from({ length: n }, (_, i) => (inv ? Math.sqrt(inv[i * n + i] as number) : Number.NaN));
}

/**
 * Covariance on the natural scale from a Hessian taken in log-parameters u = log θ. At an optimum the
 * gradient vanishes, so the delta method is exact to first order: Cov(θ) = D Cov(u) D with D = diag(θ).
 */
export function covarianceFromLogHessian(
  hessianInLogs: Float64Array,
  theta: ArrayLike<number>,
): Float64Array | null {
  const n = theta.length;
  const inv = invertSymmetric(hessianInLogs, n);
  if (!inv) return null;
  return inv.map((v, k) => v * (theta[Math.floor(k / n)] as number) * (theta[k % n] as number));
}
