import type { MoneySettings, SettingsPatch } from "./money-api.ts";

/** The form's fields: shares are typed as percentages, the rest as they are stored. */
export const settingFields = [
  "horizonMonths",
  "margin",
  "annualDiscountRate",
  "atRiskThreshold",
  "periodDays",
  "fastResolutionHours",
] as const;
export type SettingField = (typeof settingFields)[number];
export type SettingsDraft = Record<SettingField, string>;

const percentFields = new Set<SettingField>(["margin", "annualDiscountRate", "atRiskThreshold"]);

/**
 * What each field accepts as typed, mirroring src/modules/money/settings.ts (the server checks again):
 * margin above 0 (a zero margin makes every value zero), threshold strictly between 0 and 100%.
 */
export const settingLimits: Record<
  SettingField,
  { min: number; max: number; integer: boolean; minExclusive?: boolean; maxExclusive?: boolean }
> = {
  horizonMonths: { min: 1, max: 120, integer: true },
  margin: { min: 0, max: 100, integer: false, minExclusive: true },
  annualDiscountRate: { min: 0, max: 100, integer: false },
  atRiskThreshold: { min: 0, max: 100, integer: false, minExclusive: true, maxExclusive: true },
  periodDays: { min: 7, max: 365, integer: true },
  fastResolutionHours: { min: 0, max: 24 * 365, integer: false, minExclusive: true },
};

// Percentages are shown rounded to what binary fractions allow (0.3 * 100 = 30.000000000000004).
const percent = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6);

export function draftOf(settings: MoneySettings): SettingsDraft {
  return {
    horizonMonths: String(settings.horizonMonths),
    margin: percent(settings.margin),
    annualDiscountRate: percent(settings.annualDiscountRate),
    atRiskThreshold: percent(settings.atRiskThreshold),
    periodDays: String(settings.periodDays),
    fastResolutionHours: settings.fastResolutionHours === null ? "" : String(settings.fastResolutionHours),
  };
}

/** A typed number; a decimal comma is read as a point (ru, uk). */
function parse(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The field's stored value, or undefined when the text is not acceptable (null: "use the median"). */
export function fieldValue(field: SettingField, text: string): number | null | undefined {
  if (field === "fastResolutionHours" && text.trim() === "") return null;
  const value = parse(text);
  if (value === undefined) return undefined;
  const { min, max, integer, minExclusive, maxExclusive } = settingLimits[field];
  if (integer && !Number.isInteger(value)) return undefined;
  if (minExclusive ? value <= min : value < min) return undefined;
  if (maxExclusive ? value >= max : value > max) return undefined;
  // Shares are stored as fractions; rounding keeps 12.5% from arriving as 0.12500000000000003.
  return percentFields.has(field) ? Math.round(value * 1e6) / 1e8 : value;
}

/** The fields that fail their check. */
export function draftErrors(draft: SettingsDraft): SettingField[] {
  return settingFields.filter((f) => fieldValue(f, draft[f]) === undefined);
}

/** Only what differs from the current settings, ready for PATCH …/money/settings. */
export function settingsPatch(draft: SettingsDraft, current: MoneySettings): SettingsPatch {
  const patch: Record<string, number | null> = {};
  for (const field of settingFields) {
    const value = fieldValue(field, draft[field]);
    if (value !== undefined && value !== current[field]) patch[field] = value;
  }
  return patch as SettingsPatch;
}
