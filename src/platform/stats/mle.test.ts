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
});
