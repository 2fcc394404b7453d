import type pg from "pg";
import { moneyAtStake } from "../money/index.ts";
import { rankByScore, type ScoreParts, scoreProblem, type Trend, trendOf } from "./rank.ts";
import * as read from "./store-rank.ts";

/** The ranked list of problems (and one problem's figures) over a window, with the page's filters. */

export const DEFAULT_WINDOW_DAYS = 90;
export const TOP = 10;
const DAY = 86_400_000;

export type ListQuery = {
  window?: number;
  from?: Date;
  to?: Date;
  channel?: string;
  location?: number;
  segment?: number;
  /** Also list problems a person marked "not a problem". */
  dismissed?: boolean;
};

export type Money = {
  /** Minor units of the workspace currency. */
  amount: number;
  currency: string;
  /** "clv" once the money module has a fit, else the last 12 months' revenue of those customers. */
  source: "clv" | "revenue_12m";
  /** Affected customers, and those who have not bought since (the ones counted). */
  customers: number;
  counted: number;
};

export type RankedProblem = {
  rank: number;
  top: boolean;
  id: number;
  label: string;
  customLabel: string | null;
  displayLabel: string;
  labelLang: string | null;
  phrases: string[];
  status: read.ProblemMeta["status"];
  owner: { id: number; name: string } | null;
  dueDate: string | null;
  dismissed: boolean;
  parts: ScoreParts;
  money: Money;
  sparkline: { month: string; mentions: number }[];
  trend: Trend;
  trendCounts: { lastHalfYear: number; halfYearBefore: number };
  initiatives: number;
  createdAt: Date;
  solvedAt: Date | null;
  reopenedAt: Date | null;
};

export type ProblemList = {
  window: { from: Date; to: Date; days: number };
  months: string[];
  problems: RankedProblem[];
  unsorted: number;
  lastClustering: { builtAt: Date; texts: number; problems: number } | null;
};

export type Window = { from: Date; to: Date; days: number };

export function windowOf(q: ListQuery, now: Date): Window {
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - (q.window ?? DEFAULT_WINDOW_DAYS) * DAY);
  return { from, to, days: Math.max(1, Math.round((to.getTime() - from.getTime()) / DAY)) };
}

/** DOMAIN.md: money at stake = remaining CLV of affected customers who have not bought since (money module). */
async function moneyOf(
  pool: pg.Pool,
  ws: number,
  affected: ReadonlyMap<number, Date> | undefined,
  currency: string,
  now: Date,
): Promise<Money> {
  if (!affected || affected.size === 0) {
    return { amount: 0, currency, source: "revenue_12m", customers: 0, counted: 0 };
  }
  const m = await moneyAtStake(pool, ws, [...affected.keys()], { since: affected, now });
  return {
    amount: m.amount,
    currency: m.currency,
    source: m.source,
    customers: m.customers,
    counted: m.counted,
  };
}

export async function listProblems(
  pool: pg.Pool,
  ws: { id: number; currency: string; timeZone: string },
  q: ListQuery,
  now: Date,
  only?: number,
): Promise<ProblemList> {
  const w = windowOf(q, now);
  const f: read.MentionFilter = { channel: q.channel, locationId: q.location, segmentId: q.segment };
  const [counts, monthly, halves, affected, meta, unsorted, lastClustering] = await Promise.all([
    read.readCounts(pool, ws.id, w.from, w.to, f),
    read.readMonthly(pool, ws.id, w.to, ws.timeZone, f),
    read.readHalves(pool, ws.id, w.to, f),
    read.readAffected(pool, ws.id, w.from, w.to, f),
    read.readMeta(pool, ws.id),
    read.readUnsorted(pool, ws.id, w.from, w.to),
    read.readLastClustering(pool, ws.id),
  ]);
  const shown = meta.filter(
    (p) =>
      p.id === only ||
      (p.mergedInto === null && (counts.get(p.id)?.mentions ?? 0) > 0 && (q.dismissed || !p.dismissed)),
  );
  const scored = shown.map((p) => ({
    id: p.id,
    meta: p,
    parts: scoreProblem(counts.get(p.id) ?? { customers: 0, mentions: 0, recent: 0, severe: 0 }, w.days),
  }));
  const ranked = rankByScore(scored);
  const problems: RankedProblem[] = [];
  let rank = 0;
  for (const { meta: p, parts } of ranked) {
    // Dismissed problems (and merged ones) may be shown but never take a place in the ranking.
    const place = p.dismissed || p.mergedInto !== null || parts.mentions === 0 ? 0 : ++rank;
    if (only !== undefined && p.id !== only) continue;
    const [last, earlier] = halves.get(p.id) ?? [0, 0];
    problems.push({
      rank: place,
      top: place > 0 && place <= TOP,
      id: p.id,
      label: p.label,
      customLabel: p.customLabel,
      displayLabel: p.customLabel ?? p.label,
      labelLang: p.labelLang,
      phrases: p.phrases,
      status: p.status,
      owner: p.ownerId !== null ? { id: p.ownerId, name: p.ownerName ?? "" } : null,
      dueDate: p.dueDate,
      dismissed: p.dismissed,
      parts,
      money: { amount: 0, currency: ws.currency, source: "revenue_12m", customers: 0, counted: 0 },
      sparkline: monthly.months.map((month, i) => ({ month, mentions: monthly.counts.get(p.id)?.[i] ?? 0 })),
      trend: trendOf(last, earlier),
      trendCounts: { lastHalfYear: last, halfYearBefore: earlier },
      initiatives: p.initiatives,
      createdAt: p.createdAt,
      solvedAt: p.solvedAt,
      reopenedAt: p.reopenedAt,
    });
  }
  // One look-up per problem; they run side by side on the pool.
  const money = await Promise.all(
    problems.map((p) => moneyOf(pool, ws.id, affected.get(p.id), ws.currency, w.to)),
  );
  problems.forEach((p, i) => {
    p.money = money[i]!;
  });
  return { window: w, months: monthly.months, problems, unsorted, lastClustering };
}
