import { describe, expect, it } from "vitest";
import {
  cholesky,
  covarianceFromLogHessian,
  hessianFromGradient,
  invertSymmetric,
  numericHessian,
  standardErrors,
} from "./hessian.ts";

describe("Hessians and standard errors", () => {
  // f(x, y) = 2x² + 3xy + 5y² has Hessian [[4, 3], [3, 10]] everywhere.
  const f = (v: Float64Array) =>
    2 * (v[0] as number) ** 2 + 3 * (v[0] as number) * (v[1] as number) + 5 * (v[1] as number) ** 2;
  const grad = (v: Float64Array, out: Float64Array) => {
    out[0] = 4 * (v[0] as number) + 3 * (v[1] as number);
    out[1] = 3 * (v[0] as number) + 10 * (v[1] as number);
    return f(v);
  };

  it("numeric Hessians of a quadratic are exact to rounding", () => {
    const h = numericHessian(f, [0.7, -1.3]);
    const hg = hessianFromGradient(grad, [0.7, -1.3]);
    for (const m of [h, hg]) {
      expect(Array.from(m).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([4, 3, 3, 10]);
    }
  });

  it("inverts by Cholesky; inverse of [[4, 3], [3, 10]] is [[10, −3], [−3, 4]]/31", () => {
    const inv = invertSymmetric(Float64Array.from([4, 3, 3, 10]), 2);
    expect(inv).not.toBeNull();
    const want = [10 / 31, -3 / 31, -3 / 31, 4 / 31];
    Array.from(inv as Float64Array).forEach((v, i) => {
      expect(v).toBeCloseTo(want[i] as number, 14);
    });
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    expect(Array.from(standardErrors(Float64Array.from([1, 2, 2, 1]), 2)).every(Number.isNaN)).toBe(true);
  });

  it("standard error of a normal mean: σ/√n from the Hessian of −ℓ", () => {
    // −ℓ(μ) = Σ (x_i − μ)² / (2σ²), σ = 2, n = 25 → se = 0.4
    const xs = Array.from({ length: 25 }, (_, i) => Math.sin(i) * 3);
    const nll = (m: Float64Array) => xs.reduce((s, x) => s + (x - (m[0] as number)) ** 2 / 8, 0);
    const se = standardErrors(numericHessian(nll, [0.1]), 1);
    expect(se[0]).toBeCloseTo(0.4, 6);
  });

  it("delta method: Cov(θ) = D Cov(log θ) D", () => {
    const cov = covarianceFromLogHessian(Float64Array.from([4, 0, 0, 1]), [2, 3]) as Float64Array;
    expect(Array.from(cov)).toEqual([1, 0, 0, 9]);
  });
});
