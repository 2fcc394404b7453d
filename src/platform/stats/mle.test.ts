import { describe, expect, it } from "vitest";
import { fitPositiveMle } from "./mle.ts";

describe("fitPositiveMle", () => {
  it("exponential rate: λ̂ = n/Σx and se = λ̂/√n, with or without a gradient", () => {
    const xs = [0.5, 1.2, 0.3, 2.2, 0.9, 1.7, 0.4, 0.8];
    const n = xs.length;
    const sum = xs.reduce((a, b) => a + b, 0);
    const ll = (t: Float64Array) => n * Math.log(t[0] as number) - (t[0] as number) * sum;
    const grad = (t: Float64Array, out: Float64Array) => {
      out[0] = n / (t[0] as number) - sum;
      return ll(t);
    };
    for (const fit of [fitPositiveMle(ll, [5]), fitPositiveMle(ll, [5], { gradient: grad })]) {
      expect(fit.converged).toBe(true);
      expect(fit.estimate[0]).toBeCloseTo(n / sum, 7);
      expect(fit.standardError[0]).toBeCloseTo(n / sum / Math.sqrt(n), 5);
      expect(fit.logLik).toBeCloseTo(n * Math.log(n / sum) - n, 10);
    }
  });

  it("keeps the best of several starts", () => {
    // Two local maxima in log θ; the higher one is at θ = e².
    const ll = (t: Float64Array) => {
      const u = Math.log(t[0] as number);
      return -((u - 2) ** 2) * (u + 2) ** 2 + u;
    };
    const fit = fitPositiveMle(ll, [Math.exp(-2)], { extraStarts: [[Math.exp(2.5)]] });
    expect(Math.log(fit.estimate[0] as number)).toBeCloseTo(2.03, 1);
  });

  it("newtonSteps polishes an estimate BFGS leaves short on a flat ridge", () => {
    // In u = log θ: steep across the ridge u₁ = u₂, curvature 2e-3 along it; the maximum is u = (1, 1),
    // where ℓ = 5000. BFGS alone stops about 0.01 short along the ridge (a gain below 1e-10 per step).
    const ll = (t: Float64Array) => {
      const a = Math.log(t[0] as number);
      const b = Math.log(t[1] as number);
      return 5000 - 1e3 * (a - b) ** 2 - 1e-3 * (a + b - 2) ** 2 - 0.1 * (a - b) ** 4;
    };
    const grad = (t: Float64Array, out: Float64Array) => {
      const a = Math.log(t[0] as number);
      const b = Math.log(t[1] as number);
      const across = 2e3 * (a - b) + 0.4 * (a - b) ** 3;
      const along = 2e-3 * (a + b - 2);
      out[0] = (-across - along) / (t[0] as number);
      out[1] = (across - along) / (t[1] as number);
      return ll(t);
    };
    for (const fit of [
      fitPositiveMle(ll, [1, 1], { newtonSteps: 1 }),
      fitPositiveMle(ll, [1, 1], { newtonSteps: 1, gradient: grad }),
    ]) {
      for (const v of fit.estimate) expect(Math.abs(Math.log(v) - 1)).toBeLessThan(1e-3);
      expect(fit.logLik).toBeCloseTo(5000, 8);
      expect(fit.converged).toBe(true);
    }
  });
});
