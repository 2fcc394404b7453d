import type { Language } from "./messages.ts";

/** The Intl locale for each interface language; en-GB writes dates day-first, as our readers expect. */
export const intlLocale: Record<Language, string> = { ru: "ru-RU", uk: "uk-UA", en: "en-GB" };

/**
 * Formats with a typographic minus ("−4 232", "−₴307.81"): Intl writes a hyphen ("-") in all three
 * languages, which reads as a dash next to our other figures. Only the sign changes; CSV exports are
 * written by the server and keep the plain "-".
 */
export function formatParts(format: Intl.NumberFormat, value: number): string {
  if (!(value < 0)) return format.format(value);
  return format
    .formatToParts(value)
    .map((part) => (part.type === "minusSign" ? "\u2212" : part.value))
    .join("");
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return formatParts(new Intl.NumberFormat(intlLocale[language], options), value);
}

/** How many minor units a currency has (2 for UAH and EUR, 0 for JPY), as Intl knows it. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Money arrives in minor units (integer cents) with its currency. */
export function formatMoney(minor: number, currency: string, language: Language): string {
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat(intlLocale[language], {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatParts(format, minor / 10 ** digits);
}

export function formatDate(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale[language], { dateStyle: "medium", timeZone }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale[language], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}
