import type { Month } from "./types.ts";

/** Calendar months as "YYYY-MM" strings; all arithmetic is on (year, month) pairs, never on instants. */

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH_RE.test(s);

const toIndex = (m: Month): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

const fromIndex = (i: number): Month =>
  `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;

export const addMonths = (m: Month, k: number): Month => fromIndex(toIndex(m) + k);

/** Number of months from a to b inclusive (0 when b is before a). */
export const monthSpan = (a: Month, b: Month): number => Math.max(0, toIndex(b) - toIndex(a) + 1);

export const compareMonths = (a: Month, b: Month): number => toIndex(a) - toIndex(b);

export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = toIndex(from); i <= toIndex(to); i++) out.push(fromIndex(i));
  return out;
}

/** The calendar month an instant falls in, in the given IANA time zone. */
export function monthOf(instant: Date, timeZone: string): Month {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(instant);
  const y = parts.find((p) => p.type === "year")?.value ?? "1970";
  const mo = parts.find((p) => p.type === "month")?.value ?? "01";
  return `${y}-${mo}`;
}

export const monthToDate = (m: Month): string => `${m}-01`;
