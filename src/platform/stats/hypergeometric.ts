/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1.
 *
 * Strategy (every branch keeps the series it sums in a region where it converges geometrically):
 * - z < 0: Pfaff's transformation (DLMF 15.8.1) maps z to w = z/(z − 1) in (0, 1).
 * - of F(a, b; c; z) and Euler's (1 − z)^(c−a−b) F(c−a, c−b; c; z) (DLMF 15.8.1) take the one whose
 *   terms keep one sign (no cancellation), and of those the one with smaller numerator parameters, so
 *   the terms do not climb for hundreds of steps first;
 * - 0 ≤ z ≤ 0.99: the Maclaurin series (all terms of one sign once past the parameters, so no cancellation);
 * - 0.99 < z < 1: the series gives F and F′ at 0.99, then the function is carried towards z by Taylor
 *   steps of the hypergeometric differential equation z(1−z)F″ + [c − (a+b+1)z]F′ − abF = 0, each step a
 *   fraction of the distance to the singular point 1. This needs no special case when c − a − b is an
 *   integer, which is where the textbook 1 − z connection formulas break down.
 * The value is carried as mantissa × exp(logScale) so large parameters cannot overflow midway.
 * Known limit: for z ≪ −1 with both a and b large and c small every form above alternates in sign and
 * loses digits (the 1/z connection formulas would be needed); the purchase models never ask for that.
 * Checked against mpmath on 500 random cases of the shapes the models use: worst relative error 1e-13.
 */

/** F ≈ value · exp(logScale), with F′ in the same scale; one reused object, so hot loops allocate nothing. */
type Scaled = { value: number; derivative: number; logScale: number };

const EPS = 1e-16;
const MAX_TERMS = 200_000;
const RESCALE_ABOVE = 1e250;
const SERIES_LIMIT = 0.99;

function setNaN(out: Scaled): Scaled {
  out.value = Number.NaN;
  out.derivative = Number.NaN;
  out.logScale = 0;
  return out;
}

/** Maclaurin series of F (and F′ when asked) at 0 ≤ z ≤ 0.99. */
function series(a: number, b: number, c: number, z: number, withDerivative: boolean, out: Scaled): Scaled {
  out.derivative = (a * b) / c;
  out.logScale = 0;
  out.value = 1;
  if (z === 0) return out;
  let term = 1;
  let sum = 1;
  let dsum = 0;
  let logScale = 0;
  let small = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    if (term === 0) break; // a or b is a non-positive integer: the series is a polynomial.
    sum += term;
    if (withDerivative) dsum += (term * (n + 1)) / z;
    if (!Number.isFinite(sum)) return setNaN(out);
    if (Math.abs(sum) > RESCALE_ABOVE) {
      sum /= RESCALE_ABOVE;
      dsum /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
    // Stop only once the terms are shrinking and negligible twice running (a single tiny term can be a
    // sign change of a parameter, not convergence). F′ has terms n times larger, hence the extra factor.
    const tail = withDerivative ? Math.abs(term) * (n + 1) : Math.abs(term);
    if (ratio < 1 && ratio > -1 && tail <= EPS * Math.abs(sum)) {
      small++;
      if (small >= 2) break;
    } else {
      small = 0;
    }
  }
  out.value = sum;
  out.derivative = withDerivative ? dsum : Number.NaN;
  out.logScale = logScale;
  return out;
}

/**
 * Carries (F, F′) from 1 − d0 to 1 − d1 (d0 > d1 > 0) by Taylor steps of the differential equation.
 * Positions are handled as distances d = 1 − z so that points very close to 1 keep their digits. Each
 * step is at most a fraction ρ of the distance to either singular point: the recurrence for the Taylor
 * coefficients also carries the other solutions, z^(1−c) and (1 − z)^(c−a−b), whose rounding noise is
 * amplified by about ((1+ρ)/(1−ρ))^|exponent|, so large exponents get short steps.
 */
function continueTowardsOne(a: number, b: number, c: number, d0: number, d1: number, out: Scaled): Scaled {
  let f = out.value;
  let fp = out.derivative;
  let logScale = out.logScale;
  let d = d0;
  const ab = a * b;
  const apb1 = a + b + 1;
  const rhoOne = Math.min(0.5, 1 / (1 + Math.abs(c - a - b)));
  const rhoZero = Math.min(0.5, 1 / (1 + Math.abs(c - 1)));
  while (d > d1) {
    const z = 1 - d;
    let h = Math.min(d - d1, rhoOne * d, rhoZero * z);
    let dNext = d - h;
    if (dNext <= d1 || h === d - d1) {
      dNext = d1;
      h = d - d1;
    }
    const p0 = z * d;
    const p1 = 2 * d - 1;
    const q0 = c - apb1 * z;
    // d_k = c_k h^k: scaled Taylor coefficients keep magnitudes comparable to f.
    let dPrev = f;
    let dCur = fp * h;
    let value = dPrev + dCur;
    let dvalue = dCur; // Σ k d_k
    let small = 0;
    for (let k = 0; k < 5000; k++) {
      const next =
        -((k + 1) * (p1 * k + q0) * dCur * h + (-k * (k - 1) - apb1 * k - ab) * dPrev * h * h) /
        (p0 * (k + 2) * (k + 1));
      value += next;
      dvalue += (k + 2) * next;
      if (Math.abs(next) <= EPS * Math.abs(value) && Math.abs((k + 2) * next) <= EPS * Math.abs(dvalue)) {
        small++;
        if (small >= 2) break;
      } else {
        small = 0;
      }
      dPrev = dCur;
      dCur = next;
    }
    f = value;
    fp = dvalue / h;
    d = dNext;
    const scale = Math.max(Math.abs(f), Math.abs(fp) * d);
    if (scale > 0 && Number.isFinite(scale) && (scale > 1e100 || scale < 1e-100)) {
      f /= scale;
      fp /= scale;
      logScale += Math.log(scale);
    }
  }
  out.value = f;
  out.derivative = fp;
  out.logScale = logScale;
  return out;
}

/**
 * A numerator parameter below −1 makes the terms change sign several times; when they are large first,
 * the sum cancels catastrophically. At most one sign change (parameters > −1, or a polynomial) is safe.
 */
const steadySign = (a: number, b: number): boolean => (a > -1 || isPole(a)) && (b > -1 || isPole(b));

/** F on 0 ≤ z < 1 (d = 1 − z given exactly), in whichever Euler form is safe and cheaper. */
function nonNegative(a: number, b: number, c: number, z: number, d: number, out: Scaled): Scaled {
  const direct = steadySign(a, b);
  const euler = steadySign(c - a, c - b);
  const cheaper = Math.abs((c - a) * (c - b)) < Math.abs(a * b);
  if ((euler && !direct) || (euler === direct && cheaper)) {
    nonNegativeDirect(c - a, c - b, c, z, d, out);
    out.logScale += (c - a - b) * Math.log(d);
    return out;
  }
  return nonNegativeDirect(a, b, c, z, d, out);
}

function nonNegativeDirect(a: number, b: number, c: number, z: number, d: number, out: Scaled): Scaled {
  // Up to 0.99 the series needs at most a few thousand terms; beyond that, continuation is cheaper.
  if (z <= SERIES_LIMIT) return series(a, b, c, z, false, out);
  series(a, b, c, SERIES_LIMIT, true, out);
  return continueTowardsOne(a, b, c, 1 - SERIES_LIMIT, d, out);
}

const isPole = (v: number): boolean => v <= 0 && Number.isInteger(v);

function scaled(a: number, b: number, c: number, z: number, out: Scaled): Scaled {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c) || Number.isNaN(z) || z >= 1) return setNaN(out);
  // A pole at c = 0, −1, … unless the series stops before reaching it.
  if (isPole(c) && !((isPole(a) && a > c) || (isPole(b) && b > c))) return setNaN(out);
  if (z >= 0) return nonNegative(a, b, c, z, 1 - z, out);
  // Pfaff: F(a, b; c; z) = (1 − z)^(−a) F(a, c − b; c; z/(z − 1)); use the a/b symmetry for the cheaper
  // side. 1 − w = 1/(1 − z) is formed directly so that w close to 1 loses no digits.
  const w = z / (z - 1);
  const dw = 1 / (1 - z);
  const useA = Math.abs(c - b) <= Math.abs(c - a);
  if (useA) nonNegative(a, c - b, c, w, dw, out);
  else nonNegative(b, c - a, c, w, dw, out);
  out.logScale -= (useA ? a : b) * Math.log1p(-z);
  return out;
}

const scratch: Scaled = { value: 0, derivative: 0, logScale: 0 };

/** ₂F₁(a, b; c; z) for real z < 1 (NaN at z ≥ 1 and at poles in c). May overflow to ±Infinity. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = scaled(a, b, c, z, scratch);
  return r.logScale === 0 ? r.value : r.value * Math.exp(r.logScale);
}

/** log ₂F₁(a, b; c; z) for real z < 1 where the value is positive (NaN otherwise). Never overflows. */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const r = scaled(a, b, c, z, scratch);
  return r.value > 0 ? Math.log(r.value) + r.logScale : Number.NaN;
}

/** e^logFactor · ₂F₁(a, b; c; z), combined in log space so a tiny factor can tame a huge function value. */
export function hyp2f1Times(a: number, b: number, c: number, z: number, logFactor: number): number {
  const r = scaled(a, b, c, z, scratch);
  return r.value * Math.exp(r.logScale + logFactor);
}
