import { describe, expect, it } from "vitest";
import { addSample, pace, splitDuration } from "./progress.ts";

describe("import pace", () => {
  it("measures rows per second across the window and the time left", () => {
    // 20,000 rows in 4 s → 5,000 rows/s; 60,000 left → 12 s.
    const samples = [
      { at: 0, read: 0 },
      { at: 4_000, read: 20_000 },
    ];
    expect(pace(samples, 80_000)).toEqual({ rowsPerSecond: 5_000, secondsLeft: 12, percent: 25 });
  });

  it("says nothing about pace until a second has passed or rows moved", () => {
    expect(pace([{ at: 0, read: 0 }], 100)).toEqual({
      rowsPerSecond: undefined,
      secondsLeft: undefined,
      percent: 0,
    });
    expect(
      pace(
        [
          { at: 0, read: 10 },
          { at: 5_000, read: 10 },
        ],
        100,
      ).rowsPerSecond,
    ).toBeUndefined();
  });

  it("has no percent or time left without a total, and caps at 100%", () => {
    const samples = [
      { at: 0, read: 0 },
      { at: 2_000, read: 1_000 },
    ];
    expect(pace(samples, null)).toEqual({ rowsPerSecond: 500, secondsLeft: undefined, percent: undefined });
    expect(pace(samples, 900).percent).toBe(100);
    expect(pace(samples, 900).secondsLeft).toBe(0);
  });

  it("keeps ten seconds of samples plus the one before", () => {
    let samples = addSample([], { at: 0, read: 0 });
    for (let s = 1; s <= 30; s++) samples = addSample(samples, { at: s * 1_000, read: s * 100 });
    expect(samples[0]).toEqual({ at: 19_000, read: 1_900 });
    expect(samples).toHaveLength(12);
    expect(pace(samples, null).rowsPerSecond).toBe(100);
  });

  it("splits durations", () => {
    expect(splitDuration(3_725)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
    expect(splitDuration(59.6)).toEqual({ hours: 0, minutes: 1, seconds: 0 });
  });
});
