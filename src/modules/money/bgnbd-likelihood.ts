/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and its analytic gradient, arranged for
 * speed over hundreds of thousands of weighted rows. Per row, with L_T = log(α+T), L_t = log(α+t_x)
 * and y = log(a/(b+x−1)) + (r+x)(L_T − L_t):
 *   ℓ = r log α + log Γ(r+x)/Γ(r) + log B(a, b+x)/B(a, b) − (r+x) L_T + [x > 0] log(1 + e^y).
 * Everything but the last term is a sum of per-x and per-T parts, so it is aggregated once by x and by
 * distinct T (daily data has a few hundred); only customers with repeat purchases need a per-row
 * exp and log1p, and their logs of α + T and α + t_x are looked up per distinct value.
 */
import { AppError } from "../../platform/errors.ts";
import { groupIdentical } from "../../platform/stats/group-rows.ts";
import type { RfmRows } from "./summary.ts";

export type BgNbdLikelihood = {
  /** Log-likelihood at θ = (r, α, a, b); with `grad`, also writes ∂ℓ/∂θ into it. */
  evaluate: (theta: ArrayLike<number>, grad?: Float64Array) => number;
  rows: number;
};

export function bgnbdLikelihood(rows: RfmRows): BgNbdLikelihood {
  const n = rows.x.length;
  let maxX = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const xi = rows.x[i] as number;
    const ti = rows.tx[i] as number;
    if (!(Number.isInteger(xi) && xi >= 0 && ti >= 0 && (rows.T[i] as number) >= ti)) {
      throw new AppError("validation", `row ${i}: need integer x ≥ 0 and 0 ≤ t_x ≤ T`, { row: i });
    }
    maxX = Math.max(maxX, xi);
    if (xi > 0) positive++;
  }
  const gT = groupIdentical([rows.T]);
  const gt = groupIdentical([rows.tx]);
  const uT = gT.columns[0] as Float64Array;
  const ut = gt.columns[0] as Float64Array;
  // Aggregates of the parameter-free data: weight by x, weight and weight·x by distinct T.
  const weightByX = new Float64Array(maxX + 1);
  const weightByT = new Float64Array(uT.length);
  const xWeightByT = new Float64Array(uT.length);
  let total = 0;
  // Customers with repeat purchases, packed for the one per-row loop.
  const px = new Int32Array(positive);
  const pT = new Int32Array(positive);
  const pt = new Int32Array(positive);
  const pw = new Float64Array(positive);
  for (let i = 0, k = 0; i < n; i++) {
    const xi = rows.x[i] as number;
    const wi = rows.weight[i] as number;
    const jT = gT.groupOf[i] as number;
    total += wi;
    weightByX[xi] = (weightByX[xi] as number) + wi;
    weightByT[jT] = (weightByT[jT] as number) + wi;
    xWeightByT[jT] = (xWeightByT[jT] as number) + wi * xi;
    if (xi > 0) {
      px[k] = xi;
      pT[k] = jT;
      pt[k] = gt.groupOf[i] as number;
      pw[k] = wi;
      k++;
    }
  }
  const logT = new Float64Array(uT.length);
  const logt = new Float64Array(ut.length);
  const invT = new Float64Array(uT.length);
  const invt = new Float64Array(ut.length);
  // Per x: log of Γ(r+x)/Γ(r) · B(a, b+x)/B(a, b), log(a/(b+x−1)), their derivatives, and Σ wσ.
  const common = new Float64Array(maxX + 1);
  const ratio = new Float64Array(maxX + 1);
  const dR = new Float64Array(maxX + 1);
  const dA = new Float64Array(maxX + 1);
  const dB = new Float64Array(maxX + 1);
  const sigmaByX = new Float64Array(maxX + 1);

  const evaluate = (theta: ArrayLike<number>, grad?: Float64Array): number => {
    const r = theta[0] as number;
    const alpha = theta[1] as number;
    const a = theta[2] as number;
    const b = theta[3] as number;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
    const withGrad = grad !== undefined;
    for (let k = 0; k < maxX; k++) {
      // One factor per purchase: Γ(r+k+1) = (r+k)Γ(r+k), B(a, b+k+1) = B(a, b+k)(b+k)/(a+b+k).
      common[k + 1] = (common[k] as number) + Math.log(r + k) + Math.log((b + k) / (a + b + k));
      ratio[k + 1] = Math.log(a / (b + k));
      if (withGrad) {
        dR[k + 1] = (dR[k] as number) + 1 / (r + k);
        dA[k + 1] = (dA[k] as number) - 1 / (a + b + k);
        dB[k + 1] = (dB[k] as number) + 1 / (b + k) - 1 / (a + b + k);
      }
    }
    const logAlpha = Math.log(alpha);
    let sum = total * r * logAlpha;
    let gr = total * logAlpha;
    let ga = (total * r) / alpha;
    let gA = 0;
    let gB = 0;
    for (let k = 0; k <= maxX; k++) {
      const wk = weightByX[k] as number;
      sum += wk * (common[k] as number);
      gr += wk * (dR[k] as number);
      gA += wk * (dA[k] as number);
      gB += wk * (dB[k] as number);
    }
    for (let j = 0; j < uT.length; j++) {
      const v = alpha + (uT[j] as number);
      const l = Math.log(v);
      logT[j] = l;
      invT[j] = 1 / v;
      const wj = weightByT[j] as number;
      const xwj = xWeightByT[j] as number;
      sum -= (r * wj + xwj) * l;
      gr -= wj * l;
      ga -= (r * wj + xwj) / v;
    }
    for (let j = 0; j < ut.length; j++) {
      const v = alpha + (ut[j] as number);
      logt[j] = Math.log(v);
      invt[j] = 1 / v;
    }
    if (!withGrad) {
      for (let k = 0; k < positive; k++) {
        const xi = px[k] as number;
        const y =
          (ratio[xi] as number) +
          (r + xi) * ((logT[pT[k] as number] as number) - (logt[pt[k] as number] as number));
        sum += (pw[k] as number) * (Math.max(y, 0) + Math.log1p(Math.exp(-Math.abs(y))));
      }
      return sum;
    }
    sigmaByX.fill(0);
    for (let k = 0; k < positive; k++) {
      const xi = px[k] as number;
      const jT = pT[k] as number;
      const jt = pt[k] as number;
      const wi = pw[k] as number;
      const gap = (logT[jT] as number) - (logt[jt] as number);
      const y = (ratio[xi] as number) + (r + xi) * gap;
      const e = Math.exp(-Math.abs(y));
      sum += wi * (Math.max(y, 0) + Math.log1p(e));
      // σ = e^y/(1 + e^y): posterior weight of "dropped out after the last purchase" (1 − P(alive)).
      const ws = (wi * (y > 0 ? 1 : e)) / (1 + e);
      sigmaByX[xi] = (sigmaByX[xi] as number) + ws;
      gr += ws * gap;
      ga += ws * (r + xi) * ((invT[jT] as number) - (invt[jt] as number));
    }
    for (let k = 1; k <= maxX; k++) {
      const s = sigmaByX[k] as number;
      gA += s / a;
      gB -= s / (b + k - 1);
    }
    grad[0] = gr;
    grad[1] = ga;
    grad[2] = gA;
    grad[3] = gB;
    return sum;
  };
  return { evaluate, rows: n };
}
