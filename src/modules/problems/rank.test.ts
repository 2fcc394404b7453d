import { describe, expect, it } from "vitest";
import { rankByScore, scoreProblem, trendOf } from "./rank.ts";

describe("ranking (DOMAIN.md: customers × (1 + growth) × severity)", () => {
  it("computes every part by hand", () => {
    // 12 mentions in 90 days expect 4 in the last 30; 8 came: growth 8/4 − 1 = 1; severity 1 + 6/12.
    const p = scoreProblem({ customers: 10, mentions: 12, recent: 8, severe: 6 }, 90);
    expect(p.expectedRecent).toBeCloseTo(4, 12);
    expect(p.growth).toBeCloseTo(1, 12);
    expect(p.severity).toBeCloseTo(1.5, 12);
    expect(p.score).toBeCloseTo(10 * 2 * 1.5, 12);
  });

  it("bounds growth to [−0.5, 2] and keeps the raw value", () => {
    const up = scoreProblem({ customers: 3, mentions: 6, recent: 6, severe: 0 }, 90);
    expect(up.rawGrowth).toBeCloseTo(2, 12);
    expect(scoreProblem({ customers: 3, mentions: 9, recent: 9, severe: 0 }, 90).growth).toBe(2);
    const gone = scoreProblem({ customers: 3, mentions: 9, recent: 0, severe: 9 }, 90);
    expect(gone.rawGrowth).toBe(-1);
    expect(gone.growth).toBe(-0.5);
    expect(gone.score).toBeCloseTo(3 * 0.5 * 2, 12);
  });

  it("scores a problem without mentions as zero with neutral parts", () => {
    expect(scoreProblem({ customers: 0, mentions: 0, recent: 0, severe: 0 }, 90)).toMatchObject({
      growth: 0,
      severity: 1,
      score: 0,
    });
  });

  it("orders by score, then customers, then the older problem", () => {
    const part = (score: number, customers: number) => ({
      ...scoreProblem({ customers, mentions: 1, recent: 0, severe: 0 }, 90),
      score,
    });
    const ranked = rankByScore([
      { id: 3, parts: part(5, 2) },
      { id: 1, parts: part(5, 2) },
      { id: 2, parts: part(5, 4) },
      { id: 4, parts: part(9, 1) },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([4, 2, 1, 3]);
  });

  it("calls a trend only at 95%", () => {
    expect(trendOf(30, 10)).toBe("up"); // z = 20 / √40 ≈ 3.16
    expect(trendOf(5, 20)).toBe("down"); // z = −15 / 5 = −3
    expect(trendOf(10, 12)).toBe("flat");
    expect(trendOf(0, 0)).toBe("flat");
  });
});

describe("rate change around an initiative", () => {
  it("compares counts over unequal exposures at 95%", async () => {
    const { rateChange } = await import("./rank.ts");
    // 30 in 180 days before, 5 in 150 days after: expected after = 35 × 150/330 ≈ 15.9, z ≈ −3.7.
    expect(rateChange(5, 150, 30, 180)).toBe("down");
    expect(rateChange(15, 150, 18, 180)).toBe("flat");
    expect(rateChange(40, 150, 10, 180)).toBe("up");
    expect(rateChange(0, 150, 0, 180)).toBe("flat");
  });
});
