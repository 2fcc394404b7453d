import type { Language } from "./messages.ts";

/** The Intl locale for each interface language; en-GB writes dates day-first, as our readers expect. */
export const intlLocale: Record<Language, string> = { ru: "ru-RU", uk: "uk-UA", en: "en-GB" };

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[language], options).format(value);
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
  return new Intl.NumberFormat(intlLocale[language], {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
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
