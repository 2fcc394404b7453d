import { describe, expect, it } from "vitest";
import { PeriodError, resolvePeriod } from "./period.ts";

describe("the period shown", () => {
  it("defaults to the last three complete months with data, and a year of channel shift", () => {
    expect(resolvePeriod({ currentMonth: "2026-11", firstMonth: "2024-11", lastMonth: "2026-11" })).toEqual({
      from: "2026-08",
      to: "2026-10",
      months: 3,
      trendFrom: "2025-11",
    });
    // A historical data set opens on its own last months.
    expect(resolvePeriod({ currentMonth: "2026-11", firstMonth: "2023-01", lastMonth: "2024-03" }).to).toBe(
      "2024-03",
    );
    // Only the month in progress holds data: show it.
    expect(resolvePeriod({ currentMonth: "2026-11", firstMonth: "2026-11", lastMonth: "2026-11" }).to).toBe(
      "2026-11",
    );
  });

  it("takes what it is given, widening the trend to the period", () => {
    const p = resolvePeriod({
      from: "2024-01",
      to: "2025-12",
      currentMonth: "2026-11",
      firstMonth: null,
      lastMonth: null,
    });
    expect(p).toMatchObject({ months: 24, trendFrom: "2024-01" });
    expect(() =>
      resolvePeriod({
        from: "2025-02",
        to: "2025-01",
        currentMonth: "2026-11",
        firstMonth: null,
        lastMonth: null,
      }),
    ).toThrow(PeriodError);
  });
});
