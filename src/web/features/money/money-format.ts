import {
  formatDate,
  formatMoney,
  formatNumber,
  formatParts,
  intlLocale,
  minorDigits,
} from "../../i18n/format.ts";
import type { Language } from "../../i18n/messages.ts";
import type { ReadingLine, TrackingPoint } from "./money-api.ts";

/** A share (0.253) as a percentage, one decimal under 10%, whole above ("25%", "4.2%"). */
export function formatShare(value: number, language: Language): string {
  const digits = Math.abs(value) < 0.1 && value !== 0 ? 1 : 0;
  return formatNumber(value, language, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A signed share ("+4.2%", "−12%"): a model's over- or under-prediction. */
export function formatSignedShare(value: number, language: Language): string {
  const digits = Math.abs(value) < 0.1 && value !== 0 ? 1 : 0;
  return formatNumber(value, language, {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A model quantity (parameters, expected purchases, errors): three significant digits, at least two decimals under 1. */
export function formatDecimal(value: number, language: Language): string {
  if (!Number.isFinite(value)) return "—";
  const size = Math.abs(value);
  if (size >= 1000) return formatNumber(value, language, { maximumFractionDigits: 0 });
  if (size >= 100) return formatNumber(value, language, { maximumFractionDigits: 1 });
  if (size >= 1) return formatNumber(value, language, { maximumFractionDigits: 2 });
  return formatNumber(value, language, { maximumSignificantDigits: 3 });
}

/** Money with its sign shown ("+₴226.94", "−₴565.50"): a difference between two groups. */
export function formatSignedMoney(minor: number, currency: string, language: Language): string {
  const text = formatMoney(Math.abs(minor), currency, language);
  return minor > 0 ? `+${text}` : minor < 0 ? `−${text}` : text;
}

/**
 * The holdout's total error: (predicted − actual) ÷ actual. Positive when the model expected more
 * purchases than happened. Undefined without any actual purchase to compare with.
 */
export function relativeError(predicted: number, actual: number): number | undefined {
  return actual > 0 ? (predicted - actual) / actual : undefined;
}

/** Upper-cases a sentence's first letter (a group's name may open it). */
export function capitalize(text: string): string {
  return text.length > 0 ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}

/** The server's reading key (money.reading.x.y) under this page's messages (moneyPage.reading.x.y). */
export function readingKey(key: string): string {
  return key.replace(/^money\.reading\./, "moneyPage.reading.");
}

/** The parameters that name a group (promoter, fast…) rather than carry free text (parameter names). */
const groupParams = new Set(["of", "versus"]);

/**
 * A reading line's parameters as text in the reader's language: money from minor units, shares as
 * percentages, counts grouped, dates in the reader's style, and group codes by their names.
 */
export function readingParams(
  line: ReadingLine,
  language: Language,
  currency: string,
  groupName: (code: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { value, format }] of Object.entries(line.params)) {
    if (typeof value === "string") {
      out[name] =
        format === "date"
          ? formatDate(`${value}T12:00:00Z`, language)
          : groupParams.has(name)
            ? groupName(value)
            : value;
      continue;
    }
    if (format === "money") out[name] = formatMoney(value, currency, language);
    else if (format === "percent")
      out[name] = name === "error" ? formatSignedShare(value, language) : formatShare(value, language);
    else if (format === "count") out[name] = formatNumber(Math.round(value), language);
    else out[name] = formatDecimal(value, language);
  }
  return out;
}

/** A day (YYYY-MM-DD) in the reader's style; noon UTC keeps it the same day in every time zone. */
export function formatDay(day: string, language: Language): string {
  return formatDate(`${day}T12:00:00Z`, language);
}

/** The tracking series' holdout start: the first week of the holdout phase, if any. */
export function holdoutStart(points: readonly TrackingPoint[]): string | undefined {
  return points.find((p) => p.phase === "holdout")?.date;
}

/** The time a fit should take, from the last one: milliseconds, or undefined when unknown. */
export function expectedFitMs(durationMs: number | null | undefined): number | undefined {
  return durationMs && durationMs > 0 ? durationMs : undefined;
}

/** Progress of a running fit in percent: elapsed against the last fit's duration, held below 95%. */
export function fitProgress(elapsedMs: number, expectedMs: number | undefined): number | undefined {
  if (expectedMs === undefined) return undefined;
  return Math.min(95, (100 * elapsedMs) / expectedMs);
}

/** Money in a short form for axes and bands ("₴5K", "5 тыс. ₴"), from minor units. */
export function formatMoneyShort(minor: number, currency: string, language: Language): string {
  const major = minor / 10 ** minorDigits(currency);
  const format = new Intl.NumberFormat(intlLocale[language], {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return formatParts(format, major);
}
