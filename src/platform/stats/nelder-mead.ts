/**
 * Nelder–Mead simplex search: derivative-free, so it finds the basin of a likelihood from a rough start
 * and is not thrown by the NaN/Infinity that likelihoods return at impossible parameters.
 */
/** The function to minimise; NaN and ±Infinity are allowed and mean "very bad". */
export type Objective = (x: Float64Array) => number;

/** Nelder–Mead with the dimension-adapted coefficients of Gao & Han (2012). */
export function nelderMead(
  f: Objective,
  x0: ArrayLike<number>,
  options: { initialStep?: number; tolerance?: number; maxEvaluations?: number } = {},
): { x: Float64Array; value: number; evaluations: number } {
  const n = x0.length;
  const step = options.initialStep ?? 0.5;
  const tol = options.tolerance ?? 1e-9;
  const maxEval = options.maxEvaluations ?? 2000 * n;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  let evaluations = 0;
  const g = {
    f: (x: Float64Array): number => {
      evaluations++;
      const v = f(x);
      // Likelihoods return NaN or ±Infinity at silly parameters; treat those as "very bad".
      return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
    },
    count: () => evaluations,
  };
  const pts: Float64Array[] = [];
  const vals: number[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = (p[i - 1] as number) + step;
    pts.push(p);
    vals.push(g.f(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = (from: Float64Array, coef: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++)
      p[j] = (centroid[j] as number) + coef * ((from[j] as number) - (centroid[j] as number));
    return p;
  };
  while (g.count() < maxEval) {
    order.sort((i, j) => (vals[i] as number) - (vals[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const fb = vals[best] as number;
    const fw = vals[worst] as number;
    let size = 0;
    for (let i = 1; i <= n; i++) {
      const p = pts[order[i] as number] as Float64Array;
      for (let j = 0; j < n; j++)
        size = Math.max(size, Math.abs((p[j] as number) - ((pts[best] as Float64Array)[j] as number)));
    }
    // Stop on a flat simplex; precision beyond that is BFGS's job, which gets there far more cheaply.
    if (Number.isFinite(fw) && fw - fb <= tol * (Math.abs(fb) + 1e-10)) break;
    if (size < 1e-13) break;
    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const p = pts[order[i] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const worstPt = pts[worst] as Float64Array;
    const second = vals[order[n - 1] as number] as number;
    const xr = trial(worstPt, -alpha);
    const fr = g.f(xr);
    if (fr < fb) {
      const xe = trial(worstPt, -alpha * beta);
      const fe = g.f(xe);
      pts[worst] = fe < fr ? xe : xr;
      vals[worst] = Math.min(fe, fr);
      continue;
    }
    if (fr < second) {
      pts[worst] = xr;
      vals[worst] = fr;
      continue;
    }
    // Outside contraction when the reflection helped a little, inside otherwise.
    const xc = fr < fw ? trial(worstPt, -alpha * gamma) : trial(worstPt, gamma);
    const fc = g.f(xc);
    if (fc < Math.min(fr, fw)) {
      pts[worst] = xc;
      vals[worst] = fc;
      continue;
    }
    const bp = pts[best] as Float64Array;
    for (let i = 0; i <= n; i++) {
      if (i === best) continue;
      const p = pts[i] as Float64Array;
      for (let j = 0; j < n; j++) p[j] = (bp[j] as number) + delta * ((p[j] as number) - (bp[j] as number));
      vals[i] = g.f(p);
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if ((vals[i] as number) < (vals[bi] as number)) bi = i;
  return { x: pts[bi] as Float64Array, value: vals[bi] as number, evaluations: g.count() };
}
