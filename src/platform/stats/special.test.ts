import { describe, expect, it } from "vitest";
import {
  digamma,
  log1mExp,
  logAddExp,
  logBeta,
  logGamma,
  logSumExp,
  normalCdf,
  normalQuantile,
} from "./special.ts";

// Reference values computed with mpmath at 30 digits.
const LOG_GAMMA: [number, number][] = [
  [1e-8, 18.42068073818021],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [1.5, -0.12078223763524522],
  [2.5, 0.2846828704729192],
  [3.7, 1.428072326665388],
  [10, 12.80182748008147],
  [100, 359.1342053695754],
  [12345.678, 103959.91990554606],
  [1e10, 220258509288.81058],
];

describe("logGamma", () => {
  it.each(LOG_GAMMA)("log Γ(%d) to ~1e-14 relative", (x, want) => {
    expect(Math.abs(logGamma(x) - want)).toBeLessThan(1e-14 * Math.max(1, Math.abs(want)) + 3e-15);
  });
  it("is exactly 0 at 1 and 2 to rounding, and ∞ at poles", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-3)).toBe(Number.POSITIVE_INFINITY);
  });
  it("satisfies Γ(x+1) = xΓ(x) and reflection for negative x", () => {
    for (const x of [0.3, 1.7, 4.2, 33.3]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 13);
    // |Γ(−0.5)| = 2√π
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
  });
});

describe("logBeta and digamma", () => {
  it("log B(a, b) by hand: B(2, 3) = 1/12, B(1/2, 1/2) = π", () => {
    expect(logBeta(2, 3)).toBeCloseTo(-Math.log(12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });
  it.each([
    [0.1, -10.423754940411076],
    [1, -0.5772156649015329],
    [3.5, 1.103156640645243],
    [10, 2.251752589066721],
    [25.5, 3.2189424728839198],
  ])("ψ(%d)", (x, want) => {
    expect(Math.abs(digamma(x) - want)).toBeLessThan(1e-13 * Math.max(1, Math.abs(want)));
  });
});

describe("log-space sums", () => {
  it("logSumExp does not overflow and handles empty input", () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -1000 - Math.log(3)])).toBeCloseTo(-1000 + Math.log(4 / 3), 12);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 1.5)).toBe(1.5);
  });
  it("log1mExp keeps digits at both ends", () => {
    expect(log1mExp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    expect(log1mExp(-50)).toBeCloseTo(-Math.exp(-50), 30);
    expect(log1mExp(-Math.LN2)).toBeCloseTo(-Math.LN2, 15);
  });
});

describe("normal distribution", () => {
  it.each([
    [-10, 7.619853024160525e-24],
    [-3.5, 0.00023262907903552504],
    [-1.96, 0.024997895148220435],
    [0.5, 0.6914624612740131],
    [2.9, 0.998134186699616],
    [3.1, 0.9990323967867817],
  ])("Φ(%d)", (x, want) => {
    expect(Math.abs(normalCdf(x) - want)).toBeLessThan(1e-15 + 1e-13 * want);
  });
  it("quantile inverts the CDF, including the tails", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [1e-12, 1e-5, 0.01, 0.3, 0.7, 0.99, 0.999999]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
    }
    expect(Math.abs(normalCdf(normalQuantile(1e-12)) / 1e-12 - 1)).toBeLessThan(1e-10);
  });
});
