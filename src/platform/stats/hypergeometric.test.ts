import { describe, expect, it } from "vitest";
import { hyp2f1, hyp2f1Times, logHyp2f1 } from "./hypergeometric.ts";

// [a, b, c, z, ₂F₁] from mpmath at 30 digits, covering the series region, z near 1 (Taylor continuation),
// negative z (Pfaff), large parameters (Euler choice), the Pareto/NBD and BG/NBD argument shapes,
// a terminating polynomial, and c − a − b = 0 (the log-singular case the 1 − z formulas cannot do).
const TABLE: [number, number, number, number, number][] = [
  [1, 1, 2, 0.3, 1.1889164797957745],
  [0.24, 2.43, 2.22, 0.9466, 2.3734855304381117],
  [3, 4, 7, -0.75, 0.36185954765623507],
  [3, 4, 7, -50, 0.00010667351341544595],
  [100.5, 1.6, 101.5, 0.99, 745.2189601511625],
  [100.5, 100.2, 101.5, 0.6, 3.013137845908921e39],
  [0.8, 0.3, 1.1, 0.97, 1.8712669457824902],
  [2, 3, 5, 0.999999999999, 301.5725188566137],
  [5, 5, 10, -1000000.0, 6.078919057679999e-27],
  [-0.2, 0.5, 0.3, 0.8, 0.48925335235286577],
  [1.5, 2.5, 4, 0.51, 1.8660973824415634],
  [1, 26.55, 28.16, 0.09, 1.0927417245470814],
  [28.2, 0.61, 30.1, 0.999999, 7.335644271515459],
  [2.2, 1.8, 4.0, 0.9999, 42.27171263897126],
  [-3, 2.5, 1.7, 0.95, -0.017639882529588417],
  [0.5, 0.5, 1, 0.999999999, 7.478962801238461],
];

describe("hyp2f1", () => {
  it.each(TABLE)("₂F₁(%d, %d; %d; %d)", (a, b, c, z, want) => {
    expect(Math.abs(hyp2f1(a, b, c, z) / want - 1)).toBeLessThan(1e-12);
  });

  it("matches closed forms", () => {
    for (const z of [-20, -0.9, 0.2, 0.7, 0.995, 1 - 1e-9]) {
      // ₂F₁(1, 1; 2; z) = −log(1 − z)/z
      expect(hyp2f1(1, 1, 2, z) / (-Math.log1p(-z) / z) - 1).toBeCloseTo(0, 12);
      // ₂F₁(a, b; b; z) = (1 − z)^(−a)
      expect(hyp2f1(1.7, 2.3, 2.3, z) / (1 - z) ** -1.7 - 1).toBeCloseTo(0, 11);
    }
    // ₂F₁(1/2, 1/2; 3/2; s²) = arcsin(s)/s
    for (const s of [0.3, 0.9, 0.9999])
      expect(hyp2f1(0.5, 0.5, 1.5, s * s)).toBeCloseTo(Math.asin(s) / s, 12);
  });

  it("log form does not overflow and the scaled product tames huge values", () => {
    // ≈ (1 − z)^(−300) · const: far beyond double range, fine in logs.
    const big = logHyp2f1(300.5, 2, 3, 1 - 1e-9);
    expect(big).toBeGreaterThan(6000);
    expect(Number.isFinite(big)).toBe(true);
    expect(hyp2f1Times(100.5, 100.2, 101.5, 0.6, -Math.log(3.013137845908921e39))).toBeCloseTo(1, 12);
  });

  it("returns NaN outside its domain and at poles", () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.3)).toBeNaN();
    expect(logHyp2f1(-3, 2.5, 1.7, 0.95)).toBeNaN(); // negative value has no real log
    // A polynomial stops before its pole: ₂F₁(−1, b; −3; z) = 1 + bz/3.
    expect(hyp2f1(-1, 2, -3, 0.5)).toBeCloseTo(1 + (2 * 0.5) / 3, 14);
  });
});
