import { describe, expect, it } from "vitest";
import {
  addMonths,
  busiestClosed,
  cancellationRate,
  formatSpans,
  heatRows,
  heatTotals,
  hoursToMinutes,
  keepOrder,
  minutesToHours,
  monthsEnding,
  moveInGrid,
  openHoursPerWeek,
  parseSpans,
  slaCounts,
  splitHours,
} from "./figures.ts";

/** A week with demand in three cells: Monday 10:00 (open), Monday 20:00 and Sunday 23:00 (closed). */
function fixture() {
  const counts = new Array<number>(168).fill(0);
  const outside = new Array<number>(168).fill(0);
  const open = new Array<number>(168).fill(0);
  counts[10] = 4; // Monday 10:00
  counts[20] = 6; // Monday 20:00
  outside[20] = 6;
  counts[6 * 24 + 23] = 2; // Sunday 23:00
  outside[6 * 24 + 23] = 2;
  // Open Monday to Friday 09:00–18:00, and Saturday 09:00–09:30 (half an hour).
  for (let d = 0; d < 5; d++) for (let h = 9; h < 18; h++) open[d * 24 + h] = 1;
  open[5 * 24 + 9] = 0.5;
  return { map: { counts, outside }, open };
}

describe("months", () => {
  it("adds months across years", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-03", -14)).toBe("2025-01");
    expect(monthsEnding("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("keeps a period in order: the month just chosen wins", () => {
    expect(keepOrder({ from: "2026-01", to: "2026-03" }, "from")).toEqual({ from: "2026-01", to: "2026-03" });
    expect(keepOrder({ from: "2026-05", to: "2026-03" }, "from")).toEqual({ from: "2026-05", to: "2026-05" });
    expect(keepOrder({ from: "2026-05", to: "2026-03" }, "to")).toEqual({ from: "2026-03", to: "2026-03" });
  });
});

describe("the heatmap's arithmetic", () => {
  it("lays 168 cells out as 7 weekdays of 24 hours", () => {
    const { map } = fixture();
    const rows = heatRows(map.counts);
    expect(rows).toHaveLength(7);
    expect(rows[0]?.[10]).toBe(4);
    expect(rows[0]?.[20]).toBe(6);
    expect(rows[6]?.[23]).toBe(2);
  });

  it("sums demand and the part outside the hours: 12 in all, 8 outside = 2/3", () => {
    const totals = heatTotals(fixture().map);
    expect(totals).toEqual({ total: 12, outside: 8, share: 8 / 12 });
    expect(heatTotals({ counts: [0], outside: [0] }).share).toBeNull();
  });

  it("counts open hours a week: 5 × 9 + 0.5 = 45.5", () => {
    expect(openHoursPerWeek(fixture().open)).toBe(45.5);
  });

  it("names the busiest closed hours, busiest first", () => {
    const { map, open } = fixture();
    expect(busiestClosed(map, open, 3)).toEqual([
      { weekday: 0, hour: 20, count: 6 },
      { weekday: 6, hour: 23, count: 2 },
    ]);
    expect(busiestClosed(map, open, 1)).toHaveLength(1);
  });
});

describe("moving in the grid with the keyboard", () => {
  it("steps by an hour sideways and a day up or down, and stops at the edges", () => {
    // Monday 10:00 is cell 10; Tuesday 10:00 is 34.
    expect(moveInGrid(10, "ArrowRight")).toBe(11);
    expect(moveInGrid(10, "ArrowDown")).toBe(34);
    expect(moveInGrid(34, "ArrowUp")).toBe(10);
    expect(moveInGrid(10, "ArrowUp")).toBe(10);
    expect(moveInGrid(23, "ArrowRight")).toBe(23);
    expect(moveInGrid(24, "ArrowLeft")).toBe(24);
    expect(moveInGrid(167, "ArrowDown")).toBe(167);
    expect(moveInGrid(30, "Home")).toBe(24);
    expect(moveInGrid(30, "End")).toBe(47);
    expect(moveInGrid(30, "Enter")).toBeNull();
  });
});

describe("shares", () => {
  it("splits an SLA share into met and breached: 45 of 50 met = 5 breached", () => {
    const p = { numerator: 45, denominator: 50, value: 0.9, lower: 0.79, upper: 0.96, enough: true };
    expect(slaCounts(p)).toEqual({ met: 45, breached: 5 });
  });

  it("cancellation leaves returns out: 3 cancelled of 3 + 9 completed = 25%", () => {
    expect(cancellationRate(3, 9)).toBe(0.25);
    expect(cancellationRate(0, 0)).toBeNull();
  });
});

describe("hours as words", () => {
  it("uses minutes under an hour, hours under two days, days above", () => {
    expect(splitHours(0.5)).toEqual({ value: 30, unit: "minute" });
    expect(splitHours(12.94)).toEqual({ value: 12.9, unit: "hour" });
    expect(splitHours(47.9)).toEqual({ value: 47.9, unit: "hour" });
    expect(splitHours(60)).toEqual({ value: 2.5, unit: "day" });
  });

  it("turns SLA minutes into hours for the form and back", () => {
    expect(minutesToHours(240)).toBe("4");
    expect(minutesToHours(90)).toBe("1.5");
    expect(minutesToHours(null)).toBe("");
    expect(hoursToMinutes("4")).toBe(240);
    expect(hoursToMinutes("1,5")).toBe(90);
    expect(hoursToMinutes(" ")).toBeNull();
    expect(hoursToMinutes("-1")).toBe("invalid");
    expect(hoursToMinutes("abc")).toBe("invalid");
  });
});

describe("spans of working hours as text", () => {
  it("reads one or several spans, with any dash and short hours", () => {
    expect(parseSpans("09:00-18:00")).toEqual([{ from: "09:00", to: "18:00" }]);
    expect(parseSpans("9:00 – 13:00, 14:00—18:00")).toEqual([
      { from: "09:00", to: "13:00" },
      { from: "14:00", to: "18:00" },
    ]);
    expect(parseSpans("22:00-02:00")).toEqual([{ from: "22:00", to: "02:00" }]);
    expect(parseSpans("00:00-24:00")).toEqual([{ from: "00:00", to: "24:00" }]);
    expect(parseSpans("")).toEqual([]);
  });

  it("refuses what is not a span", () => {
    expect(parseSpans("9-18")).toBeNull();
    expect(parseSpans("25:00-26:00")).toBeNull();
    expect(parseSpans("10:00-10:00")).toBeNull();
    expect(parseSpans("24:00-02:00")).toBeNull();
    expect(parseSpans("09:00-18:00, closed")).toBeNull();
  });

  it("writes spans back the way it reads them", () => {
    const spans = [
      { from: "09:00", to: "13:00" },
      { from: "14:00", to: "18:00" },
    ];
    expect(formatSpans(spans)).toBe("09:00–13:00, 14:00–18:00");
    expect(parseSpans(formatSpans(spans))).toEqual(spans);
    expect(formatSpans([])).toBe("");
  });
});
