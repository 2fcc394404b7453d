import { addBusinessMs, type Schedule } from "./hours.ts";
import { type Channel, type Kind, MINUTE } from "./types.ts";

/**
 * Service-level promises: per channel × request kind, a first-response and a resolution target, counted
 * in business time (the request's working hours) or calendar time (what the customer lives through).
 */

export type SlaClock = "business" | "calendar";
export type SlaStatus = "met" | "breached" | "running";

export type SlaPolicy = {
  /** null: every channel. */
  channel: Channel | null;
  /** null: every kind. */
  kind: Kind | null;
  clock: SlaClock;
  /** null: no promise on this step. */
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
};

/**
 * Used until the workspace writes its own: an answer within 4 working hours and a resolution within
 * 40 working hours (a working week at 8 h a day) — a common starting point, meant to be replaced.
 * To promise nothing, save one policy for every channel and kind with both targets empty.
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [
  { channel: null, kind: null, clock: "business", firstResponseMinutes: 240, resolutionMinutes: 2400 },
];

/** The most specific policy: channel and kind, then channel, then kind, then the catch-all. */
export function policyFor(policies: readonly SlaPolicy[], channel: Channel, kind: Kind): SlaPolicy | null {
  let best: SlaPolicy | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (p.channel !== null && p.channel !== channel) continue;
    if (p.kind !== null && p.kind !== kind) continue;
    const score = (p.channel !== null ? 2 : 0) + (p.kind !== null ? 1 : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** The deadline for a target of `minutes` from `createdAt`; null when there is no target or it never comes. */
export function dueAt(
  createdAt: number,
  minutes: number | null,
  clock: SlaClock,
  schedule: Schedule,
): number | null {
  if (minutes === null) return null;
  if (clock === "calendar") return createdAt + minutes * MINUTE;
  return addBusinessMs(schedule, createdAt, minutes * MINUTE);
}

/**
 * Met when done by the deadline (inclusive), breached when done later or not done once the deadline has
 * passed, running while not done and the deadline is still ahead. Null when nothing was promised. A
 * deadline that never comes (a schedule that never opens) keeps an undone request running.
 */
export function slaStatus(
  due: number | null,
  done: number | null,
  now: number,
  promised: boolean,
): SlaStatus | null {
  if (!promised) return null;
  if (done !== null) return due === null || done <= due ? "met" : "breached";
  if (due !== null && now > due) return "breached";
  return "running";
}
