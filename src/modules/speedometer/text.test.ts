import { describe, expect, it } from "vitest";
import { resolvePeriod } from "./period.ts";
import { buildReport } from "./report.ts";
import { defaultWeights } from "./settings.ts";
import { speedometerText } from "./text.ts";
import { emptyCounts } from "./types.ts";

describe("speedometer as text", () => {
  it("shows the needle, the parts with their counts, the stated scores and the gap", () => {
    const month = {
      ...emptyCounts(),
      repeatBase: 100,
      repeatReturned: 60,
      npsN: 40,
      npsPromoters: 20,
      npsDetractors: 10,
    };
    const report = buildReport({
      workspace: { id: 1, slug: "shop", timeZone: "UTC", currency: "EUR" },
      settings: { windowDays: 90, weights: defaultWeights },
      freshness: {
        rebuiltAt: null,
        refreshedAt: null,
        firstMonth: "2024-01",
        lastMonth: "2024-02",
        needsRebuild: false,
      },
      currentMonth: "2024-04",
      period: resolvePeriod({ currentMonth: "2024-04", firstMonth: "2024-01", lastMonth: "2024-02" }),
      filter: null,
      series: new Map([["2024-02", month]]),
      gap: {
        by: "location",
        slices: [{ value: "1", label: "Shop A", months: new Map([["2024-02", month]]) }],
      },
      dimensions: { location: [], channel: [], segment: [] },
    });
    const text = speedometerText(report);
    expect(text).toContain("Speedometer — shop (UTC), 2024-02, compared with 2024-01");
    expect(text).toMatch(/CCI 60\.0 {2}\[\d+\.\d–\d+\.\d\]/);
    expect(text).toMatch(/repeat {9}60\.0% {2}\[50\.2%–69\.1%\]\s+60 of 100 customers/);
    expect(text).toContain("full price     not enough data");
    expect(text).toContain("Stated: NPS 25 (n=40)");
    expect(text).toMatch(/Shop A\s+CCI 60\.0 \(#1\)\s+NPS 25 \(#1\)/);
  });
});
