import { describe, expect, it } from "vitest";
import { bfgs, minimize, nelderMead, numericGradient } from "./optimize.ts";

const rosenbrock = (x: Float64Array): number => {
  const a = x[0] as number;
  const b = x[1] as number;
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};

describe("optimisers", () => {
  it("Nelder–Mead finds the Rosenbrock valley's floor", () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it("BFGS with numeric gradients stops within its absolute tolerance (1e-10) of the minimum", () => {
    const r = bfgs(rosenbrock, [-1.2, 1]);
    expect(r.value).toBeLessThan(1e-10);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it("minimize uses an analytic gradient when given and survives NaN regions", () => {
    // A shifted quadratic that is undefined (NaN) for x0 < −1, as a likelihood is outside its domain.
    const f = (x: Float64Array) =>
      (x[0] as number) < -1 ? Number.NaN : ((x[0] as number) - 3) ** 2 + 2 * ((x[1] as number) + 1) ** 2;
    const grad = (x: Float64Array, out: Float64Array) => {
      out[0] = 2 * ((x[0] as number) - 3);
      out[1] = 4 * ((x[1] as number) + 1);
      return f(x);
    };
    const r = minimize(f, [-0.9, 5], { gradient: grad });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(3, 8);
    expect(r.x[1]).toBeCloseTo(-1, 8);
    expect(r.value).toBeLessThan(1e-14);
  });

  it("numeric gradient matches the analytic one", () => {
    const x = Float64Array.from([0.3, -0.7]);
    const g = new Float64Array(2);
    numericGradient(rosenbrock, x, g);
    const a = x[0] as number;
    const b = x[1] as number;
    expect(g[0]).toBeCloseTo(-400 * a * (b - a * a) - 2 * (1 - a), 6);
    expect(g[1]).toBeCloseTo(200 * (b - a * a), 6);
  });
});
