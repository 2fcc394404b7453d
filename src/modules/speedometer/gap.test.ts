import { describe, expect, it } from "vitest";
import { gapRows, rank } from "./gap.ts";
import { defaultWeights } from "./settings.ts";
import { emptyCounts, type MonthCounts } from "./types.ts";

const slice = (
  value: string,
  repeat: number,
  promoters: number,
): { value: string; label: string; counts: MonthCounts } => ({
  value,
  label: `Shop ${value}`,
  counts: { ...emptyCounts(), repeatBase: 100, repeatReturned: repeat, npsN: 100, npsPromoters: promoters },
});

describe("say–do gap", () => {
  it("ranks with ties sharing a rank", () => {
    expect(rank([0.5, 0.7, null, 0.5])).toEqual([2, 1, null, 2]);
  });

  it("ranks slices by CCI and by NPS and flags where they disagree by half the ranking or more", () => {
    // CCI order: a, b, c, d. NPS order: d, b, c, a.
    const rows = gapRows(
      [slice("c", 30, 40), slice("a", 50, 10), slice("d", 20, 90), slice("b", 40, 50)],
      defaultWeights,
    );
    expect(rows.map((r) => [r.value, r.cciRank, r.npsRank, r.disagree])).toEqual([
      ["a", 1, 4, true],
      ["b", 2, 2, false],
      ["c", 3, 3, false],
      ["d", 4, 1, true],
    ]);
  });

  it("does not flag a one-step difference among three", () => {
    // CCI order a, b, c; NPS order b, a, c: a and b are one step apart, (2 − 1) / (3 − 1) = 0.5, not more.
    const rows = gapRows([slice("a", 50, 40), slice("b", 40, 50), slice("c", 30, 10)], defaultWeights);
    expect(rows.map((r) => r.disagree)).toEqual([false, false, false]);
  });

  it("leaves slices without enough data unranked and unflagged", () => {
    const thin = { value: "x", label: "X", counts: { ...emptyCounts(), repeatBase: 10, repeatReturned: 5 } };
    const rows = gapRows([slice("a", 50, 10), thin], defaultWeights);
    expect(rows[1]).toMatchObject({ value: "x", cciRank: null, npsRank: null, disagree: false });
  });
});
