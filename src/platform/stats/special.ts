/**
 * Special functions in log space. Likelihoods of count models multiply gamma functions of arguments in
 * the hundreds, so everything here returns logarithms and callers add them.
 */

const HALF_LOG_2PI = 0.9189385332046728;
const LOG_PI = 1.1447298858494002;

// Lanczos approximation with g = 7 and 9 terms (Godfrey's coefficients): relative error of Γ below
// 2e-15 for positive arguments, so log Γ is good to ~1e-15 absolute, ~1e-14 relative away from its roots at 1, 2.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for real x (for x ≤ 0 returns log |Γ(x)|; Infinity at the poles 0, −1, −2, …). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0 && Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  if (x < 0.5) {
    // Reflection Γ(x)Γ(1−x) = π / sin(πx) keeps the Lanczos sum in its accurate range.
    return LOG_PI - Math.log(Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x > 1e15) return x * (Math.log(x) - 1) - 0.5 * Math.log(x) + HALF_LOG_2PI;
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ψ(x), the derivative of log Γ: recurrence up to x ≥ 10, then the asymptotic series (error < 1e-15). */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0 && Number.isInteger(x)) return Number.NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let acc = 0;
  let v = x;
  while (v < 10) {
    acc -= 1 / v;
    v += 1;
  }
  const inv2 = 1 / (v * v);
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (691 / 32760) * inv2)))));
  return acc + Math.log(v) - 0.5 / v - series;
}

/** log Σ exp(v_i) without overflow. Empty input gives −Infinity. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  if (max === Number.NEGATIVE_INFINITY || !Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}

/** log(e^a + e^b), the two-term case used in inner loops. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(1 − e^x) for x ≤ 0, switching form at −log 2 so neither branch loses digits (Mächler 2012). */
export function log1mExp(x: number): number {
  if (x > 0) return Number.NaN;
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - HALF_LOG_2PI);
}

/**
 * Standard normal CDF Φ(x). The Taylor series of Φ − 1/2 (Marsaglia 2004) is exact to machine precision
 * for |x| < 3; beyond that the tail comes from Laplace's continued fraction so small p-values keep
 * their relative accuracy instead of being 1 − (something close to 1).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) < 3) {
    let sum = x;
    let term = x;
    const q = x * x;
    for (let i = 3; ; i += 2) {
      term *= q / i;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 + sum * normalPdf(x);
  }
  const ax = Math.abs(x);
  // Backward evaluation of φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))); 80 levels is plenty for |x| ≥ 3.
  let frac = 0;
  for (let k = 80; k >= 1; k--) frac = k / (ax + frac);
  const tail = normalPdf(ax) / (ax + frac);
  return x > 0 ? 1 - tail : tail;
}

// Acklam's rational approximation (relative error 1.15e-9), then one Halley step on Φ brings it to ~1e-15.
const QA = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const QB = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
];
const QC = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const QD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

const poly = (c: number[], x: number): number => c.reduce((acc, coef) => acc * x + coef, 0);

/** Φ⁻¹(p), the standard normal quantile. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(QC, q) / (poly(QD, q) * q + 1);
  } else if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -poly(QC, q) / (poly(QD, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(QA, r) * q) / (poly(QB, r) * r + 1);
  }
  // Halley refinement; in the upper tail work with the complement so the error term is not swamped.
  const e = p > 0.5 ? 1 - normalCdf(-x) - p : normalCdf(x) - p;
  const u = e / normalPdf(x);
  return x - u / (1 + (x * u) / 2);
}
