import { describe, expect, it } from "vitest";
import { addMonths, monthOf, monthRange, monthSpan } from "./months.ts";
import { PeriodError, periodCounts, resolvePeriod } from "./period.ts";
import { emptyCounts, type MonthCounts } from "./types.ts";

describe("months", () => {
  it("add and span across years", () => {
    expect(addMonths("2024-11", 3)).toBe("2025-02");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(monthSpan("2023-11", "2024-02")).toBe(4);
    expect(monthRange("2023-12", "2024-02")).toEqual(["2023-12", "2024-01", "2024-02"]);
  });
  it("place an instant in the workspace's month", () => {
    // 31 Jan 23:30 UTC is already February in Kyiv (UTC+2).
    expect(monthOf(new Date("2024-01-31T23:30:00Z"), "Europe/Kyiv")).toBe("2024-02");
    expect(monthOf(new Date("2024-01-31T23:30:00Z"), "UTC")).toBe("2024-01");
  });
});

describe("period", () => {
  it("defaults to the last complete month with data, compared with the month before", () => {
    const p = resolvePeriod({ currentMonth: "2025-06", firstMonth: "2023-01", lastMonth: "2025-06" });
    expect(p).toMatchObject({
      from: "2025-05",
      to: "2025-05",
      months: 1,
      previousFrom: "2025-04",
      trendFrom: "2023-06",
    });
    // A historical data set opens on its own last month.
    expect(resolvePeriod({ currentMonth: "2025-06", firstMonth: "1997-01", lastMonth: "1998-06" }).to).toBe(
      "1998-06",
    );
  });
  it("takes an explicit quarter and compares it with the quarter before", () => {
    const p = resolvePeriod({
      from: "2025-01",
      to: "2025-03",
      currentMonth: "2025-06",
      firstMonth: null,
      lastMonth: null,
    });
    expect(p).toMatchObject({ months: 3, previousFrom: "2024-10", previousTo: "2024-12" });
  });
  it("refuses from after to", () => {
    expect(() =>
      resolvePeriod({
        from: "2025-04",
        to: "2025-03",
        currentMonth: "2025-06",
        firstMonth: null,
        lastMonth: null,
      }),
    ).toThrow(PeriodError);
  });
  it("adds flows over the period and takes repeat and recovery at its end", () => {
    const m = (o: Partial<MonthCounts>): MonthCounts => ({ ...emptyCounts(), ...o });
    const months = new Map([
      ["2025-01", m({ orders: 10, revenue: 100, repeatBase: 50, repeatReturned: 20, npsN: 5 })],
      [
        "2025-02",
        m({ orders: 5, revenue: 50, repeatBase: 60, repeatReturned: 30, recoveryBase: 7, npsN: 6 }),
      ],
    ]);
    expect(periodCounts(months, "2025-01", "2025-02")).toMatchObject({
      orders: 15,
      revenue: 150,
      repeatBase: 60,
      repeatReturned: 30,
      recoveryBase: 7,
      npsN: 11,
    });
  });
});
