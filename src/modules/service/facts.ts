import { businessMs, isOpenAt } from "./hours.ts";
import type { ScheduleResolver } from "./hours-config.ts";
import { dueAt, policyFor, type SlaPolicy, type SlaStatus, slaStatus } from "./sla.ts";
import { type Channel, DAY, HOUR, type Kind, type Month } from "./types.ts";
import { dayToIso, localTime, type Zone } from "./zone.ts";

/** One request's waiting, as the rollups and the drill-down read it. Durations are whole seconds. */
export type RequestFact = {
  requestId: number;
  customerId: number | null;
  createdAt: number;
  /** Local day number, weekday (0 = Monday) and hour in the workspace's zone. */
  day: number;
  weekday: number;
  hour: number;
  channel: Channel;
  kind: Kind;
  locationId: number | null;
  /** Whether the request's working hours were open when it was written. */
  inHours: boolean;
  firstResponseS: number | null;
  firstResponseBusinessS: number | null;
  resolutionS: number | null;
  resolutionBusinessS: number | null;
  firstResponseDue: number | null;
  resolutionDue: number | null;
  firstResponseSla: SlaStatus | null;
  resolutionSla: SlaStatus | null;
  /** Set on a second-channel try (channels.ts): the channel the customer tried before. */
  previousChannel: Channel | null;
};

export type RequestRow = {
  id: number;
  customerId: number | null;
  channel: Channel;
  kind: Kind;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  locationId: number | null;
};

export type FactContext = {
  /** The workspace's zone: heatmaps, months and weeks are read on its clock. */
  display: Zone;
  schedules: ScheduleResolver;
  policies: readonly SlaPolicy[];
  /** The instant a still-open request is judged at. */
  now: number;
};

const seconds = (ms: number): number => Math.round(ms / 1000);

export function requestFact(
  r: RequestRow,
  ctx: FactContext,
  previousChannel: Channel | null = null,
): RequestFact {
  const schedule = ctx.schedules(r.channel, r.locationId);
  const lt = localTime(ctx.display, r.createdAt);
  const policy = policyFor(ctx.policies, r.channel, r.kind);
  const frDue = policy ? dueAt(r.createdAt, policy.firstResponseMinutes, policy.clock, schedule) : null;
  const resDue = policy ? dueAt(r.createdAt, policy.resolutionMinutes, policy.clock, schedule) : null;
  // A first response later than the resolution is a data slip; the customer was answered when it was resolved.
  const answeredAt =
    r.firstResponseAt !== null && r.resolvedAt !== null
      ? Math.min(r.firstResponseAt, r.resolvedAt)
      : (r.firstResponseAt ?? r.resolvedAt);
  const span = (end: number | null) => (end === null ? null : seconds(end - r.createdAt));
  const business = (end: number | null) =>
    end === null ? null : seconds(businessMs(schedule, r.createdAt, end));
  return {
    requestId: r.id,
    customerId: r.customerId,
    createdAt: r.createdAt,
    day: lt.day,
    weekday: lt.weekday,
    hour: Math.floor(lt.msOfDay / HOUR),
    channel: r.channel,
    kind: r.kind,
    locationId: r.locationId,
    inHours: isOpenAt(schedule, r.createdAt),
    firstResponseS: span(answeredAt),
    firstResponseBusinessS: business(answeredAt),
    resolutionS: span(r.resolvedAt),
    resolutionBusinessS: business(r.resolvedAt),
    firstResponseDue: frDue,
    resolutionDue: resDue,
    firstResponseSla: slaStatus(frDue, answeredAt, ctx.now, policy?.firstResponseMinutes != null),
    resolutionSla: slaStatus(resDue, r.resolvedAt, ctx.now, policy?.resolutionMinutes != null),
    previousChannel,
  };
}

/** "YYYY-MM" of a local day number. */
const months = new Map<number, Month>();
export function monthOfDay(day: number): Month {
  let m = months.get(day);
  if (m === undefined) {
    m = dayToIso(day).slice(0, 7);
    if (months.size < 100_000) months.set(day, m);
  }
  return m;
}
/** The Monday (local day number) of the week holding `day`. */
export const weekStartOfDay = (day: number): number => day - ((((day + 3) % 7) + 7) % 7);

/** The local day number of the first of a month. */
export const dayOfMonthStart = (m: Month): number => Math.floor(Date.parse(`${m}-01T00:00:00Z`) / DAY);
