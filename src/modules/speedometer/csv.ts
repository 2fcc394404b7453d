import type { SpeedometerReport } from "./report.ts";
import { componentKeys } from "./types.ts";

/** The page's figures as CSV: one row per figure, long format, so any spreadsheet can pivot it. */

const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A cell safe to open in a spreadsheet: text that starts like a formula (= + - @, or tab / carriage return)
 * gets a leading apostrophe (OWASP CSV injection), plain numbers such as -0.25 stay numbers; cells with
 * commas, quotes or line breaks are quoted.
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const HEADER = [
  "section",
  "period_from",
  "period_to",
  "dimension",
  "dimension_value",
  "metric",
  "value",
  "lower",
  "upper",
  "numerator",
  "denominator",
  "n",
  "enough",
  "change",
  "rank",
  "disagree",
] as const;

type Cell = string | number | boolean | null;
type Row = Record<(typeof HEADER)[number], Cell>;

const blank = (): Row => Object.fromEntries(HEADER.map((h) => [h, null])) as Row;

type Fig = { value: number | null; lower: number | null; upper: number | null; enough: boolean };
type Counts = { numerator?: number; denominator?: number; n?: number };

const figureRow = (base: Partial<Row>, metric: string, f: Fig & Counts, change: string | null): Row => ({
  ...blank(),
  ...base,
  metric,
  value: f.value,
  lower: f.lower,
  upper: f.upper,
  numerator: f.numerator ?? null,
  denominator: f.denominator ?? null,
  n: f.n ?? null,
  enough: f.enough,
  change,
});

export function speedometerCsv(r: SpeedometerReport): string {
  const rows: Row[] = [];
  const scope = { dimension: r.filter?.dim ?? "all", dimension_value: r.filter?.label ?? "" };
  const period = { section: "period", period_from: r.period.from, period_to: r.period.to, ...scope };
  rows.push(figureRow(period, "cci", r.cci, r.cci.change));
  for (const c of r.components) rows.push(figureRow(period, c.key, c, c.change));
  const s = r.stated;
  rows.push(figureRow(period, "nps", s.nps, s.nps.change));
  rows.push(figureRow(period, "csat", s.csat, s.csat.change));
  rows.push(figureRow(period, "ces", s.ces, s.ces.change));
  for (const p of r.trend) {
    const month = { section: "trend", period_from: p.month, period_to: p.month, ...scope };
    rows.push(figureRow(month, "cci", p.cci, p.cci.change));
    for (const k of componentKeys) rows.push(figureRow(month, k, p.components[k], p.components[k].change));
    rows.push(figureRow(month, "nps", p.nps, p.nps.change));
  }
  for (const g of r.gap.rows) {
    const base = {
      section: "gap",
      period_from: r.period.from,
      period_to: r.period.to,
      dimension: r.gap.by,
      dimension_value: g.label,
      disagree: g.disagree,
    };
    rows.push({ ...figureRow(base, "cci", g.cci, null), rank: g.cciRank });
    rows.push({ ...figureRow(base, "nps", g.nps, null), rank: g.npsRank });
  }
  const lines = [HEADER.join(","), ...rows.map((row) => HEADER.map((h) => csvCell(row[h])).join(","))];
  // A byte-order mark so that Excel reads UTF-8 (Cyrillic names) correctly; CRLF as RFC 4180 asks.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
