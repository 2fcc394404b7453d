import type { Role } from "../../app/types.ts";
import type { ScoreParts } from "./problems-api.ts";

// Mirrors the server's grants (src/platform/http/roles.ts): the page only hides what the server refuses.
export const canManageProblems = (role: Role): boolean =>
  role === "owner" || role === "manager" || role === "advocate";
export const canExportProblems = (role: Role): boolean =>
  role === "owner" || role === "manager" || role === "advocate" || role === "analyst";
/** Re-clustering needs the "analyse" permission. */
export const canRecluster = canExportProblems;
/** The member list is shown to owners and managers only. */
export const canListMembers = (role: Role): boolean => role === "owner" || role === "manager";

// DOMAIN.md "Top-10 problems: ranking": growth is bounded to [−0.5, 2].
export const GROWTH_MIN = -0.5;
export const GROWTH_MAX = 2;

/**
 * The score's formula with the problem's own numbers, as the hover shows it: the reader can redo the
 * multiplication. Each figure is recomputed from the counts, so a mismatch with the server's score
 * would show (the test checks they agree).
 */
export function explainScore(p: ScoreParts) {
  const rawGrowth = p.expectedRecent > 0 ? p.recentMentions / p.expectedRecent - 1 : 0;
  const growth = Math.min(GROWTH_MAX, Math.max(GROWTH_MIN, rawGrowth));
  const severeShare = p.mentions > 0 ? p.severeMentions / p.mentions : 0;
  const severity = 1 + severeShare;
  return {
    customers: p.customers,
    rawGrowth,
    growth,
    bounded: growth !== rawGrowth,
    severeShare,
    severity,
    score: p.customers * (1 + growth) * severity,
  };
}

/** A number rounded for reading: at most `digits` decimals, no trailing zeros. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The polyline of a sparkline: x spread evenly over the width, y from 0 (bottom) to the max (top). */
export function sparkPoints(values: readonly number[], width: number, height: number, pad = 2): string {
  if (values.length === 0) return "";
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = pad + i * step;
      const y = height - pad - (v / max) * (height - 2 * pad);
      return `${round(x, 1)},${round(y, 1)}`;
    })
    .join(" ");
}

/** The problems shown first (the ranked top) and the rest below, each in rank order, unranked last. */
export function splitTop<T extends { rank: number; top: boolean; id: number }>(
  items: readonly T[],
): { top: T[]; rest: T[] } {
  const order = (a: T, b: T) =>
    (a.rank === 0 ? 1 : 0) - (b.rank === 0 ? 1 : 0) || a.rank - b.rank || a.id - b.id;
  const sorted = [...items].sort(order);
  return { top: sorted.filter((p) => p.top), rest: sorted.filter((p) => !p.top) };
}

/** yyyy-mm-dd of a day, as the due date's input and the API write it. */
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Is the due date passed (the problem not yet solved or dropped)? `today` is yyyy-mm-dd in the workspace zone. */
export function overdue(dueDate: string | null, status: string, today: string): boolean {
  return dueDate !== null && dueDate < today && status !== "solved" && status !== "wont_fix";
}

/** Today as yyyy-mm-dd in a time zone ("sv-SE" writes ISO dates). */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short" }).format(now);
}
