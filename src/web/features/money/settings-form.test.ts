import { describe, expect, it } from "vitest";
import type { MoneySettings } from "./money-api.ts";
import { draftErrors, draftOf, fieldValue, settingsPatch } from "./settings-form.ts";

const defaults: MoneySettings = {
  horizonMonths: 12,
  margin: 0.3,
  annualDiscountRate: 0.1,
  atRiskThreshold: 0.5,
  periodDays: 30,
  fastResolutionHours: null,
};

describe("the money settings form", () => {
  it("shows shares as percentages without binary noise", () => {
    expect(draftOf(defaults)).toEqual({
      horizonMonths: "12",
      margin: "30",
      annualDiscountRate: "10",
      atRiskThreshold: "50",
      periodDays: "30",
      fastResolutionHours: "",
    });
    expect(draftOf({ ...defaults, margin: 0.125, fastResolutionHours: 48 }).margin).toBe("12.5");
  });

  it("reads percentages back as fractions, with a decimal comma too", () => {
    expect(fieldValue("margin", "60")).toBe(0.6);
    expect(fieldValue("margin", "12,5")).toBe(0.125);
    expect(fieldValue("annualDiscountRate", "0")).toBe(0);
    expect(fieldValue("fastResolutionHours", " ")).toBeNull();
    expect(fieldValue("fastResolutionHours", "24")).toBe(24);
  });

  it("refuses what the server refuses", () => {
    expect(fieldValue("margin", "0")).toBeUndefined(); // every value would be zero
    expect(fieldValue("margin", "101")).toBeUndefined();
    expect(fieldValue("atRiskThreshold", "100")).toBeUndefined();
    expect(fieldValue("atRiskThreshold", "0")).toBeUndefined();
    expect(fieldValue("horizonMonths", "1.5")).toBeUndefined();
    expect(fieldValue("horizonMonths", "121")).toBeUndefined();
    expect(fieldValue("periodDays", "6")).toBeUndefined();
    expect(fieldValue("periodDays", "abc")).toBeUndefined();
    expect(fieldValue("fastResolutionHours", "0")).toBeUndefined();
    expect(draftErrors({ ...draftOf(defaults), margin: "0", periodDays: "x" })).toEqual([
      "margin",
      "periodDays",
    ]);
  });

  it("sends only what changed", () => {
    expect(settingsPatch(draftOf(defaults), defaults)).toEqual({});
    expect(
      settingsPatch({ ...draftOf(defaults), margin: "60", fastResolutionHours: "24" }, defaults),
    ).toEqual({
      margin: 0.6,
      fastResolutionHours: 24,
    });
    expect(settingsPatch(draftOf(defaults), { ...defaults, fastResolutionHours: 24 })).toEqual({
      fastResolutionHours: null,
    });
  });
});
