import { describe, expect, it } from "vitest";
import { ces, csat, nps } from "./stated.ts";
import { emptyStated } from "./types.ts";

describe("stated scores (by hand)", () => {
  it("NPS = % promoters − % detractors", () => {
    // 50 answers: 20 promoters, 20 passives, 10 detractors → 40% − 20% = 20.
    const n = nps({ ...emptyStated(), npsN: 50, npsPromoters: 20, npsDetractors: 10 });
    expect(n).toMatchObject({ value: 20, n: 50, promoters: 20, passives: 20, detractors: 10, enough: true });
    // Adjusted: p₊ = 21/53, p₋ = 11/53, centre 10/53, Var = (32/53 − (10/53)²)/53.
    const centre = 10 / 53;
    const half = 1.959963984540054 * Math.sqrt((32 / 53 - centre ** 2) / 53);
    expect(n.lower).toBeCloseTo(100 * (centre - half), 8);
    expect(n.upper).toBeCloseTo(100 * (centre + half), 8);
  });

  it("NPS stays within −100…100 and keeps its value inside the interval", () => {
    const all = nps({ ...emptyStated(), npsN: 30, npsPromoters: 30 });
    expect(all.value).toBe(100);
    expect(all.upper).toBe(100);
    expect(all.lower!).toBeLessThan(100);
    const none = nps({ ...emptyStated(), npsN: 30, npsDetractors: 30 });
    expect(none).toMatchObject({ value: -100, lower: -100 });
  });

  it("says not enough data below 30 answers", () => {
    expect(nps({ ...emptyStated(), npsN: 29, npsPromoters: 29 })).toMatchObject({
      value: null,
      enough: false,
    });
    expect(csat({ ...emptyStated(), csatN: 29, csatGood: 29 }).value).toBeNull();
    expect(ces({ ...emptyStated(), cesN: 29, cesSum: 58, cesSumSq: 116 }).value).toBeNull();
  });

  it("CSAT = share of 4–5", () => {
    expect(csat({ ...emptyStated(), csatN: 40, csatGood: 30 })).toMatchObject({ value: 0.75, n: 40 });
  });

  it("CES = mean, with a normal interval from the sample variance", () => {
    // 30 answers: 15 × 2 and 15 × 4 → mean 3, sample variance 30/29.
    const c = ces({ ...emptyStated(), cesN: 30, cesSum: 90, cesSumSq: 15 * 4 + 15 * 16 });
    expect(c.value).toBe(3);
    const half = 1.959963984540054 * Math.sqrt(30 / 29 / 30);
    expect(c.lower).toBeCloseTo(3 - half, 10);
    expect(c.upper).toBeCloseTo(3 + half, 10);
  });
});
