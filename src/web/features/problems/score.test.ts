import { describe, expect, it } from "vitest";
import { explainScore, overdue, round, sparkPoints, splitTop, todayIn } from "./score.ts";

const parts = (o: {
  customers: number;
  mentions: number;
  recent: number;
  expected: number;
  severe: number;
  score: number;
}) => ({
  customers: o.customers,
  mentions: o.mentions,
  recentMentions: o.recent,
  expectedRecent: o.expected,
  rawGrowth: 0,
  growth: 0,
  severeMentions: o.severe,
  severity: 0,
  score: o.score,
});

describe("the score's explanation", () => {
  it("redoes DOMAIN.md's formula on a problem of the demo", () => {
    // 27 mentions in 90 days → 9 expected in the last 30; 13 came: growth 13/9 − 1 = 4/9.
    // 20 of 27 severe: severity 1 + 20/27 = 47/27. Score 25 × 13/9 × 47/27 = 15275/243 ≈ 62.86.
    const e = explainScore(
      parts({ customers: 25, mentions: 27, recent: 13, expected: 9, severe: 20, score: 0 }),
    );
    expect(e.growth).toBeCloseTo(4 / 9, 12);
    expect(e.bounded).toBe(false);
    expect(e.severity).toBeCloseTo(47 / 27, 12);
    expect(e.score).toBeCloseTo(15275 / 243, 9);
    expect(round(e.score, 1)).toBe(62.9);
  });

  it("bounds growth to [−0.5, 2] and says so", () => {
    // 12 mentions, all in the last 30 of 90 days: expected 4, raw growth 12/4 − 1 = 2 (at the bound).
    const up = explainScore(
      parts({ customers: 10, mentions: 20, recent: 20, expected: 20 / 3, severe: 0, score: 0 }),
    );
    expect(up.rawGrowth).toBeCloseTo(2, 12);
    const higher = explainScore(
      parts({ customers: 4, mentions: 6, recent: 6, expected: 1, severe: 3, score: 0 }),
    );
    expect(higher.rawGrowth).toBe(5);
    expect(higher.growth).toBe(2);
    expect(higher.bounded).toBe(true);
    // 4 × (1 + 2) × (1 + 3/6) = 18
    expect(higher.score).toBe(18);
    const none = explainScore(
      parts({ customers: 3, mentions: 9, recent: 0, expected: 3, severe: 0, score: 0 }),
    );
    expect(none.growth).toBe(-0.5);
    // 3 × 0.5 × 1 = 1.5
    expect(none.score).toBe(1.5);
  });

  it("treats a problem without mentions as no growth and severity 1", () => {
    const e = explainScore(parts({ customers: 0, mentions: 0, recent: 0, expected: 0, severe: 0, score: 0 }));
    expect(e).toMatchObject({ growth: 0, severity: 1, score: 0 });
  });
});

describe("sparkPoints", () => {
  it("spreads the months over the width and scales to the highest", () => {
    // width 24, pad 2 → x at 2, 12, 22; height 12 → y from 10 (zero) to 2 (max = 4).
    expect(sparkPoints([0, 2, 4], 24, 12)).toBe("2,10 12,6 22,2");
  });
  it("keeps an all-zero year on the baseline", () => {
    expect(sparkPoints([0, 0], 10, 10)).toBe("2,8 8,8");
    expect(sparkPoints([], 10, 10)).toBe("");
  });
});

describe("splitTop", () => {
  it("puts the top first by rank and leaves the unranked at the end of the rest", () => {
    const items = [
      { id: 5, rank: 0, top: false },
      { id: 3, rank: 2, top: true },
      { id: 9, rank: 11, top: false },
      { id: 1, rank: 1, top: true },
    ];
    const { top, rest } = splitTop(items);
    expect(top.map((p) => p.id)).toEqual([1, 3]);
    expect(rest.map((p) => p.id)).toEqual([9, 5]);
  });
});

describe("due dates", () => {
  it("are overdue only when passed and the problem is still open", () => {
    expect(overdue("2026-11-01", "in_progress", "2026-11-02")).toBe(true);
    expect(overdue("2026-11-02", "in_progress", "2026-11-02")).toBe(false);
    expect(overdue("2026-11-01", "solved", "2026-11-02")).toBe(false);
    expect(overdue(null, "new", "2026-11-02")).toBe(false);
  });
  it("take today in the workspace's time zone", () => {
    const late = new Date("2026-11-22T23:30:00Z");
    expect(todayIn("Europe/Kyiv", late)).toBe("2026-11-23");
    expect(todayIn("UTC", late)).toBe("2026-11-22");
  });
});
