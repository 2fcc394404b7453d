import { describe, expect, it } from "vitest";
import {
  differenceFigure,
  type GroupMoments,
  groupFigures,
  niceEdges,
  paramViews,
  valueStat,
} from "./figures.ts";

const m = (n: number, mean: number, sd: number) => ({ n, sum: n * mean, mean, sd });

describe("group figures", () => {
  it("a mean with its 95% interval, mean ± 1.96·sd/√n, in whole minor units", () => {
    // n = 100, mean 5000, sd 2000: half-width 1.959964 × 200 = 391.99
    expect(valueStat(m(100, 5000, 2000))).toEqual({ total: 500000, mean: 5000, lower: 4608, upper: 5392 });
  });

  it("under 30 customers: totals only, never a mean", () => {
    expect(valueStat(m(29, 5000, 2000))).toEqual({ total: 145000, mean: null, lower: null, upper: null });
    expect(valueStat({ n: 0, sum: 0, mean: null, sd: null }).total).toBe(0);
  });

  it("lists groups in the given order, empty ones as zeros", () => {
    const rows: GroupMoments[] = [{ group: "detractor", clv: m(40, 100, 10), revenue12m: m(40, 50, 5) }];
    const g = groupFigures(["promoter", "detractor"], rows);
    expect(g.map((x) => [x.group, x.customers, x.enough])).toEqual([
      ["promoter", 0, false],
      ["detractor", 40, true],
    ]);
    expect(g[1]?.revenue12m.total).toBe(2000);
  });

  it("the difference of two group means with the Welch interval", () => {
    const rows: GroupMoments[] = [
      { group: "promoter", clv: m(100, 6000, 2000), revenue12m: m(100, 3000, 1000) },
      { group: "detractor", clv: m(50, 4000, 1500), revenue12m: m(50, 2500, 1000) },
    ];
    const d = differenceFigure("promoter", "detractor", rows);
    // se = √(2000²/100 + 1500²/50) = √(40000 + 45000) = 291.548; 1.959964 × se = 571.42
    expect(d.clv).toEqual({ estimate: 2000, lower: 1429, upper: 2571 });
    expect(d.enough).toBe(true);
    expect(differenceFigure("promoter", "passive", rows)).toMatchObject({ enough: false, clv: null });
  });
});

describe("niceEdges", () => {
  it("steps on a 1–2–5 ladder up to at least the top", () => {
    expect(niceEdges(1000)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(niceEdges(1234)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400]);
    expect(niceEdges(0)).toEqual([0, 1]);
    expect(niceEdges(7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("paramViews", () => {
  it("a positive interval from the log scale, θ·exp(±1.96·se/θ)", () => {
    const [v] = paramViews({ r: 0.25 }, { r: 0.0125 });
    const f = Math.exp((1.959963984540054 * 0.0125) / 0.25);
    expect(v?.lower).toBeCloseTo(0.25 / f, 12);
    expect(v?.upper).toBeCloseTo(0.25 * f, 12);
    expect(paramViews({ a: 1 }, { a: Number.NaN })[0]).toEqual({
      name: "a",
      estimate: 1,
      standardError: null,
      lower: null,
      upper: null,
    });
  });
});
