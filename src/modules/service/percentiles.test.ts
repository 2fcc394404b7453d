import { describe, expect, it } from "vitest";
import { BIN_COUNT, binLower, binnedQuantile, binOf, countQuantile, quantile } from "./percentiles.ts";

describe("percentiles (type 7: linear interpolation between closest ranks)", () => {
  it("computes medians and p90 by hand", () => {
    // 1, 2, 10, 40: h = 1.5 → 2 + ½·8 = 6; p90 h = 2.7 → 10 + 0.7·30 = 31.
    expect(quantile([1, 2, 10, 40], 0.5)).toBe(6);
    expect(quantile([1, 2, 10, 40], 0.9)).toBeCloseTo(31, 12);
    // Odd count: the middle value; one value: itself; none: null.
    expect(quantile([3, 5, 9], 0.5)).toBe(5);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("reads whole-number data from counts exactly (wait days 3, 3, 10 → median 3, p90 8.6)", () => {
    expect(
      countQuantile(
        new Map([
          [3, 2],
          [10, 1],
        ]),
        0.5,
      ),
    ).toBe(3);
    expect(
      countQuantile(
        new Map([
          [3, 2],
          [10, 1],
        ]),
        0.9,
      ),
    ).toBeCloseTo(8.6, 12);
    // 0 ×1, 1 ×1, 2 ×2: sorted 0, 1, 2, 2 → median 1.5.
    expect(
      countQuantile(
        new Map([
          [2, 2],
          [0, 1],
          [1, 1],
          [9, 0],
        ]),
        0.5,
      ),
    ).toBe(1.5);
    expect(countQuantile(new Map(), 0.5)).toBeNull();
  });
});

describe("duration bins", () => {
  it("put every value in the bin whose edges hold it", () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(59.9)).toBe(0);
    expect(binOf(60)).toBe(1);
    expect(binOf(120)).toBe(9); // one doubling above a minute: 8 bins on
    for (const s of [61, 90, 3599, 3600, 86_400, 1e6, 3e7]) {
      const k = binOf(s);
      expect(binLower(k)).toBeLessThanOrEqual(s);
      if (k + 1 < BIN_COUNT) expect(s).toBeLessThan(binLower(k + 1));
    }
    expect(binOf(1e12)).toBe(BIN_COUNT - 1);
  });

  it("give quantiles within one bin of the exact ones", () => {
    // A skewed sample like waiting times: 10 s … 3 days.
    const values: number[] = [];
    for (let i = 0; i < 2000; i++) values.push(Math.round(10 * Math.exp((i / 2000) * 10)));
    const hist = new Array<number>(BIN_COUNT).fill(0);
    for (const v of values) hist[binOf(v)]! += 1;
    for (const q of [0.5, 0.9]) {
      const exact = quantile(values, q) as number;
      const approx = binnedQuantile(hist, q) as number;
      expect(Math.abs(approx / exact - 1)).toBeLessThan(2 ** (1 / 8) - 1);
    }
  });

  it("spreads a bin's values evenly: two values in [60, 65.5) read as its quarter points", () => {
    const hist = new Array<number>(BIN_COUNT).fill(0);
    hist[1] = 2;
    const lo = binLower(1);
    const width = binLower(2) - lo;
    expect(binnedQuantile(hist, 0)).toBeCloseTo(lo + width / 4, 9);
    expect(binnedQuantile(hist, 1)).toBeCloseTo(lo + (3 * width) / 4, 9);
    expect(binnedQuantile(hist, 0.5)).toBeCloseTo(lo + width / 2, 9);
    expect(binnedQuantile(new Array<number>(BIN_COUNT).fill(0), 0.5)).toBeNull();
  });
});
