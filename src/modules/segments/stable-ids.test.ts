import { describe, expect, it } from "vitest";
import { centreDistance, matchClusters } from "./stable-ids.ts";

const scale = { used: ["recency", "nps"] as const, mean: [100, 7], sd: [50, 2] };

describe("stable cluster ids", () => {
  it("measures distance in standard deviations (RMS over features)", () => {
    // recency 100 vs 150: 1 sd; nps 7 vs 7: 0 → sqrt((1 + 0) / 2)
    expect(centreDistance({ recency: 100, nps: 7 }, { recency: 150, nps: 7 }, scale)).toBeCloseTo(
      Math.SQRT1_2,
      12,
    );
    // a feature missing on one side is left out
    expect(centreDistance({ recency: 100, nps: null }, { recency: 125, nps: 3 }, scale)).toBeCloseTo(0.5, 12);
  });

  it("gives each new cluster the nearest previous id, nearest pairs first, and new ids beyond the limit", () => {
    const previous = [
      { id: 41, centre: { recency: 20, nps: 9 } },
      { id: 42, centre: { recency: 300, nps: 3 } },
      { id: 43, centre: { recency: 150, nps: 6 } },
    ];
    const next = [
      { recency: 290, nps: 3.2 }, // near 42
      { recency: 25, nps: 9 }, // near 41
      { recency: 600, nps: 0 }, // near nothing → new
    ];
    expect(matchClusters(previous, next, scale)).toEqual([42, 41, null]);
  });

  it("never gives one previous id to two clusters", () => {
    const previous = [{ id: 7, centre: { recency: 100, nps: 7 } }];
    const next = [
      { recency: 101, nps: 7 },
      { recency: 100, nps: 7 },
    ];
    expect(matchClusters(previous, next, scale)).toEqual([null, 7]);
  });
});
