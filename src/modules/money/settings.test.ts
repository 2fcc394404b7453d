import { describe, expect, it } from "vitest";
import {
  DEFAULT_MONEY_SETTINGS,
  moneySettingsPatch,
  parseMoneySettings,
  settingsDiffer,
} from "./settings.ts";

describe("money settings", () => {
  it("defaults: 12 months, margin 0.3, 10% a year", () => {
    expect(parseMoneySettings(undefined)).toEqual(DEFAULT_MONEY_SETTINGS);
    expect(DEFAULT_MONEY_SETTINGS).toMatchObject({ horizonMonths: 12, margin: 0.3, annualDiscountRate: 0.1 });
  });

  it("keeps valid keys and drops malformed ones one by one", () => {
    const s = parseMoneySettings({
      horizonMonths: 24,
      margin: 7,
      annualDiscountRate: "x",
      fastResolutionHours: 48,
    });
    expect(s).toEqual({ ...DEFAULT_MONEY_SETTINGS, horizonMonths: 24, fastResolutionHours: 48 });
    expect(parseMoneySettings({ fastResolutionHours: null }).fastResolutionHours).toBeNull();
  });

  it("a patch is strict and ranges are checked", () => {
    expect(moneySettingsPatch.safeParse({ margin: 0 }).success).toBe(false);
    expect(moneySettingsPatch.safeParse({ horizon: 12 }).success).toBe(false);
    expect(moneySettingsPatch.safeParse({ horizonMonths: 6, periodDays: 14 }).success).toBe(true);
  });

  it("a fit is stale when any setting differs", () => {
    expect(settingsDiffer(DEFAULT_MONEY_SETTINGS, { ...DEFAULT_MONEY_SETTINGS })).toBe(false);
    expect(settingsDiffer(DEFAULT_MONEY_SETTINGS, { ...DEFAULT_MONEY_SETTINGS, margin: 0.4 })).toBe(true);
  });
});
