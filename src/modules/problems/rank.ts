/**
 * The ranking of DOMAIN.md "Top-10 problems: ranking", every part returned so the list explains itself:
 *   score    = unique customers affected × (1 + growth) × severity
 *   growth   = mentions in the last 30 days / (mentions in the window × 30 / window days) − 1, within [−0.5, 2]
 *   severity = 1 + share of mentions from detractors, 1–2 star ratings or customers who did not buy again
 */

export const RECENT_DAYS = 30;
export const GROWTH_MIN = -0.5;
export const GROWTH_MAX = 2;

/** What the database counts for one problem over the window. */
export type ProblemCounts = {
  /** Distinct customers; a text with no customer counts as one person of its own. */
  readonly customers: number;
  readonly mentions: number;
  /** Mentions in the last RECENT_DAYS of the window. */
  readonly recent: number;
  /** Mentions from detractors (NPS 0–6), 1–2 star ratings (CSAT 1–2) or customers who did not buy again. */
  readonly severe: number;
};

export type ScoreParts = {
  readonly customers: number;
  readonly mentions: number;
  readonly recentMentions: number;
  /** Mentions the last 30 days would hold at the window's average rate. */
  readonly expectedRecent: number;
  /** Before bounding, for the curious. */
  readonly rawGrowth: number;
  readonly growth: number;
  readonly severeMentions: number;
  readonly severity: number;
  readonly score: number;
};

export function scoreProblem(c: ProblemCounts, windowDays: number): ScoreParts {
  const recentDays = Math.min(RECENT_DAYS, windowDays);
  const expectedRecent = windowDays > 0 ? (c.mentions * recentDays) / windowDays : 0;
  const rawGrowth = expectedRecent > 0 ? c.recent / expectedRecent - 1 : 0;
  const growth = Math.min(GROWTH_MAX, Math.max(GROWTH_MIN, rawGrowth));
  const severity = c.mentions > 0 ? 1 + c.severe / c.mentions : 1;
  return {
    customers: c.customers,
    mentions: c.mentions,
    recentMentions: c.recent,
    expectedRecent,
    rawGrowth,
    growth,
    severeMentions: c.severe,
    severity,
    score: c.customers * (1 + growth) * severity,
  };
}

/** Highest score first; ties by more customers, then the older problem (lower id), so the order is stable. */
export function rankByScore<T extends { readonly id: number; readonly parts: ScoreParts }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) => b.parts.score - a.parts.score || b.parts.customers - a.parts.customers || a.id - b.id,
  );
}

export type Trend = "up" | "down" | "flat";

/**
 * Direction over the sparkline's year: mentions in the last half-year vs the half-year before. Equal rates
 * would split the two counts like a fair coin (conditional binomial test for two Poisson counts); the
 * trend is up or down only when |z| > 1.96, i.e. at 95%.
 */
export function trendOf(lastHalf: number, earlierHalf: number): Trend {
  const n = lastHalf + earlierHalf;
  if (n === 0) return "flat";
  const z = (lastHalf - earlierHalf) / Math.sqrt(n);
  return z > 1.96 ? "up" : z < -1.96 ? "down" : "flat";
}

/**
 * Did a rate change? `a` events over exposure `ta` (after) vs `b` over `tb` (before). Under equal rates `a`
 * is binomial (a + b, ta / (ta + tb)) — the conditional test for two Poisson counts; called at 95%.
 */
export function rateChange(a: number, ta: number, b: number, tb: number): Trend {
  const n = a + b;
  if (n === 0 || ta <= 0 || tb <= 0) return "flat";
  const p = ta / (ta + tb);
  const z = (a - n * p) / Math.sqrt(n * p * (1 - p));
  return z > 1.96 ? "up" : z < -1.96 ? "down" : "flat";
}
