/** The money settings a workspace keeps under workspace.settings.money, with the product's defaults. */
import { z } from "zod";
import type { ClvSettings } from "./clv.ts";

export type MoneySettings = ClvSettings & {
  /** A customer is "at risk" when P(alive) fell below this during the last period. */
  atRiskThreshold: number;
  /** Length of "the last period" for that drop, in days. */
  periodDays: number;
  /** A complaint resolved within this many hours counts as fast; null: the workspace's median. */
  fastResolutionHours: number | null;
};

/** DOMAIN.md "Money: models": horizon 12 months; the issue: margin 0.3, annual discount rate 0.1. */
export const DEFAULT_MONEY_SETTINGS: MoneySettings = {
  horizonMonths: 12,
  margin: 0.3,
  annualDiscountRate: 0.1,
  atRiskThreshold: 0.5,
  periodDays: 30,
  fastResolutionHours: null,
};

export const moneySettingsPatch = z
  .object({
    horizonMonths: z.number().int().min(1).max(120),
    // A margin of 0 would make every CLV zero; the page would read as "nobody is worth anything".
    margin: z.number().gt(0).max(1),
    annualDiscountRate: z.number().min(0).max(1),
    atRiskThreshold: z.number().gt(0).lt(1),
    periodDays: z.number().int().min(7).max(365),
    fastResolutionHours: z
      .number()
      .gt(0)
      .max(24 * 365)
      .nullable(),
  })
  .partial()
  .strict();

export type MoneySettingsPatch = z.infer<typeof moneySettingsPatch>;

/** Reads workspace.settings.money; anything malformed falls back to its default rather than breaking a fit. */
export function parseMoneySettings(raw: unknown): MoneySettings {
  const out: MoneySettings = { ...DEFAULT_MONEY_SETTINGS };
  if (typeof raw !== "object" || raw === null) return out;
  const shape = moneySettingsPatch.shape;
  for (const key of Object.keys(shape) as (keyof MoneySettings)[]) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(out, { [key]: parsed.data });
  }
  return out;
}

/** Whether values computed with `a` would change under `b` (a fit made before a settings change is stale). */
export function settingsDiffer(a: MoneySettings, b: MoneySettings): boolean {
  return (Object.keys(DEFAULT_MONEY_SETTINGS) as (keyof MoneySettings)[]).some((k) => a[k] !== b[k]);
}
