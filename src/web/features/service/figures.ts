import type { ChannelFigures, Heatmap, Proportion } from "./service-api.ts";

// The page's own small arithmetic on the report (the server computes the figures; these pick, sum and
// shape them for tables, the heatmap and the CSV files). Each is tested by hand in figures.test.ts.

/** "2026-03" plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The n months ending with `last`, oldest first. */
export function monthsEnding(last: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(last, i - n + 1));
}

/** A period whose start is not after its end: the month just chosen wins, the other follows it. */
export function keepOrder(
  p: { from: string; to: string },
  changed: "from" | "to",
): { from: string; to: string } {
  if (p.from <= p.to) return p;
  return changed === "from" ? { from: p.from, to: p.from } : { from: p.to, to: p.to };
}

/**
 * Where an arrow key (or Home/End) moves in the 7 × 24 grid from cell `i`; null for other keys. Moves
 * stop at the edges rather than wrap, so a reader always knows which side they are on.
 */
export function moveInGrid(i: number, key: string): number | null {
  const d = Math.floor(i / 24);
  const h = i % 24;
  switch (key) {
    case "ArrowRight":
      return d * 24 + Math.min(23, h + 1);
    case "ArrowLeft":
      return d * 24 + Math.max(0, h - 1);
    case "ArrowDown":
      return Math.min(6, d + 1) * 24 + h;
    case "ArrowUp":
      return Math.max(0, d - 1) * 24 + h;
    case "Home":
      return d * 24;
    case "End":
      return d * 24 + 23;
    default:
      return null;
  }
}

/** The heatmap as 7 rows (Monday first) of 24 hours. */
export function heatRows(values: readonly number[]): number[][] {
  return Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => values[d * 24 + h] ?? 0));
}

/** Totals of a heatmap: all demand, the part outside the hours, and that part's share (null when empty). */
export function heatTotals(map: Heatmap): { total: number; outside: number; share: number | null } {
  const total = map.counts.reduce((s, x) => s + x, 0);
  const outside = map.outside.reduce((s, x) => s + x, 0);
  return { total, outside, share: total > 0 ? outside / total : null };
}

/** Is the hour of the week open (wholly or partly), by the overlay's share of the hour that is open. */
export const isOpen = (openShare: readonly number[], index: number): boolean => (openShare[index] ?? 0) > 0;

/** Open hours per week, summed from the overlay (a half-open hour counts a half). */
export const openHoursPerWeek = (openShare: readonly number[]): number =>
  openShare.reduce((s, x) => s + x, 0);

/**
 * The busiest hours of the week that are closed: the cells where demand waits for the morning. Sorted
 * by demand, at most `n`, only cells with demand.
 */
export function busiestClosed(
  map: Heatmap,
  openShare: readonly number[],
  n: number,
): Array<{ weekday: number; hour: number; count: number }> {
  return map.counts
    .map((count, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, count, open: isOpen(openShare, i) }))
    .filter((c) => !c.open && c.count > 0)
    .sort((a, b) => b.count - a.count || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, n)
    .map(({ weekday, hour, count }) => ({ weekday, hour, count }));
}

/** A share's value, or null when there is not enough data (the server says so with value: null). */
export const shareOf = (p: Proportion): number | null => (p.enough ? p.value : null);

/** "% SLA met" counts done requests only: met / (met + breached); the breached ones are the rest. */
export const slaCounts = (p: Proportion) => ({ met: p.numerator, breached: p.denominator - p.numerator });

/** Channels sorted by requests, busiest first (ties by name, so the order is stable). */
export const byRequests = (list: readonly ChannelFigures[]): ChannelFigures[] =>
  [...list].sort((a, b) => b.requests - a.requests || String(a.channel).localeCompare(String(b.channel)));

/** Cancellation rate by wait: cancelled / (completed + cancelled), as the server counts it. */
export const cancellationRate = (cancelled: number, completed: number): number | null =>
  cancelled + completed > 0 ? cancelled / (cancelled + completed) : null;

/** Hours as the page writes them: minutes under an hour, hours to a tenth under two days, else days. */
export function splitHours(hours: number): { value: number; unit: "minute" | "hour" | "day" } {
  if (hours < 1) return { value: Math.round(hours * 60), unit: "minute" };
  if (hours < 48) return { value: Math.round(hours * 10) / 10, unit: "hour" };
  return { value: Math.round((hours / 24) * 10) / 10, unit: "day" };
}

/** Minutes of an SLA target as hours for the form (and back), to a hundredth of an hour. */
export const minutesToHours = (minutes: number | null): string =>
  minutes === null ? "" : String(Math.round((minutes / 60) * 100) / 100);
export function hoursToMinutes(text: string): number | null | "invalid" {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const hours = Number(trimmed);
  if (!Number.isFinite(hours) || hours <= 0) return "invalid";
  return Math.max(1, Math.round(hours * 60));
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Spans as one line: "09:00–13:00, 14:00–18:00"; empty when closed. */
export const formatSpans = (spans: ReadonlyArray<{ from: string; to: string }>): string =>
  spans.map((s) => `${s.from}–${s.to}`).join(", ");

/**
 * Reads "09:00-13:00, 14:00–18:00" (hyphen or dash, commas or semicolons; "9:00" is read as "09:00").
 * Empty text is a closed day. Returns null when a part is not a span of two times.
 */
export function parseSpans(text: string): Array<{ from: string; to: string }> | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Array<{ from: string; to: string }> = [];
  for (const part of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m?.[1] || !m[2]) return null;
    const from = m[1].padStart(5, "0");
    const to = m[2].padStart(5, "0");
    if (!CLOCK.test(from) || !CLOCK.test(to) || from === "24:00" || from === to) return null;
    out.push({ from, to });
  }
  return out;
}
