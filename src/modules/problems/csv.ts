import type { ProblemList } from "./service-rank.ts";

/**
 * CSV for people who open it in a spreadsheet: UTF-8 with a byte-order mark (Excel reads Cyrillic), CRLF,
 * and any text cell that starts with = + - @ (or a tab / carriage return that hides one) prefixed with '
 * so it is never run as a formula (OWASP, CSV injection); plain numbers such as -0.5 stay numbers.
 */

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

export const neutralize = (text: string): string =>
  FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralize(value.replaceAll("\0", "")) : String(value);
  return /[",;\r\n\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]): string =>
  `${cells.map(csvCell).join(",")}\r\n`;

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Minor units → major units of the currency (2 digits for UAH and EUR, 0 for JPY…). */
function major(amount: number, currency: string): number {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // An unknown code keeps two digits.
  }
  return round(amount / 10 ** digits, digits);
}

export function problemsCsv(list: ProblemList): string {
  const header = [
    "rank",
    "id",
    "problem",
    "automatic_label",
    "status",
    "owner",
    "due_date",
    "score",
    "customers",
    "mentions",
    "recent_mentions",
    "growth",
    "severity",
    "money_at_stake",
    "currency",
    "money_source",
    "trend",
    ...list.months.map((m) => `mentions_${m}`),
  ];
  let out = `\ufeff${csvLine(header)}`;
  for (const p of list.problems) {
    out += csvLine([
      p.rank || null,
      p.id,
      p.displayLabel,
      p.label,
      p.status,
      p.owner?.name ?? null,
      p.dueDate,
      round(p.parts.score, 3),
      p.parts.customers,
      p.parts.mentions,
      p.parts.recentMentions,
      round(p.parts.growth, 4),
      round(p.parts.severity, 4),
      major(p.money.amount, p.money.currency),
      p.money.currency,
      p.money.source,
      p.trend,
      ...p.sparkline.map((s) => s.mentions),
    ]);
  }
  return out;
}
