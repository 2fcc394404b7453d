import { FEATURES } from "./features.ts";
import type { SegmentView } from "./service.ts";
import type { SegmentCustomer } from "./store-read.ts";

/** CSV exports: UTF-8 with a byte-order mark (Excel then reads Cyrillic right), CRLF line ends (RFC 4180). */

const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
type Cell = string | number | boolean | null | undefined;

/**
 * A cell a spreadsheet will not run: text starting like a formula (= + - @, a tab or a carriage return) gets
 * a leading apostrophe (OWASP "CSV injection"); plain numbers such as -0.25 stay numbers.
 */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const toCsv = (header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string =>
  `\uFEFF${[header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n")}\r\n`;

const round = (x: number | null | undefined, digits: number) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** One row per segment with its size, owner, target mark, figures and feature means. */
export function segmentsCsv(segments: readonly SegmentView[]): string {
  const header = [
    "id",
    "kind",
    "code",
    "name",
    "size",
    "share",
    "target",
    "owner",
    "cci",
    "nps",
    "top_problem",
    ...FEATURES.map((f) => `mean_${f}`),
  ];
  return toCsv(
    header,
    segments.map((s) => [
      s.id,
      s.kind,
      s.code,
      s.name,
      s.size,
      round(s.share, 4),
      s.isTarget,
      s.ownerName,
      round(s.cci?.value, 1),
      round(s.nps?.value, 1),
      s.topProblems[0]?.label,
      ...FEATURES.map((f) => round(s.profile?.means[f], 4)),
    ]),
  );
}

export function customersCsv(rows: readonly SegmentCustomer[]): string {
  return toCsv(
    ["external_id", "name", "orders", "spend_minor_units", "last_order", "latest_nps"],
    rows.map((c) => [c.externalId, c.name, c.orders, c.spend, c.lastOrder, c.latestNps]),
  );
}
