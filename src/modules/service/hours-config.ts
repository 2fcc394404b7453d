import {
  assumedHours,
  compileSchedule,
  type HolidaySpec,
  type HoursSpec,
  type Schedule,
  WEEKDAYS,
  type WeeklyHours,
} from "./hours.ts";
import type { Channel } from "./types.ts";

/**
 * Which working hours apply to a request. Who answers decides: a message in a remote channel is answered
 * by the contact centre, so a shop's opening hours say nothing about when an e-mail gets a reply; a
 * request made in person is answered where it was made.
 *
 * Precedence, first match wins:
 *   1. a service rule for this location and this channel;
 *   2. a service rule for this location (any channel);
 *   3. a service rule for this channel (any location);
 *   4. for in-person requests, the location's own opening hours (location.working_hours);
 *   5. the service rule for every location and channel (the workspace default);
 *   6. `workingHours.contactCentre` in the workspace settings (what the demo and imports may set);
 *   7. assumed: Mon–Fri 09:00–18:00 in the workspace's zone.
 * Holidays: the workspace's (location null) apply everywhere; a location's own replace them on that date.
 */

export type HoursRule = { locationId: number | null; channel: Channel | null; spec: HoursSpec };
export type HolidayRule = HolidaySpec & { locationId: number | null };
export type HoursSource = "service_settings" | "workspace_settings" | "assumed";

export type HoursConfig = {
  workspaceTimeZone: string;
  rules: readonly HoursRule[];
  /** From workspace.settings.workingHours (steps 6); null when absent or unreadable. */
  workspaceHours: HoursSpec | null;
  /** location id → its opening hours (step 4). */
  locationHours: ReadonlyMap<number, HoursSpec>;
  holidays: readonly HolidayRule[];
};

export type ResolvedHours = { key: string; spec: HoursSpec; source: HoursSource | "location" };

export function resolveHours(
  config: HoursConfig,
  channel: Channel | null,
  locationId: number | null,
): ResolvedHours {
  const find = (loc: number | null, ch: Channel | null) =>
    config.rules.find((r) => r.locationId === loc && r.channel === ch);
  const steps: Array<[string, HoursRule | undefined]> = [];
  if (locationId !== null && channel !== null)
    steps.push([`r:${locationId}:${channel}`, find(locationId, channel)]);
  if (locationId !== null) steps.push([`r:${locationId}:*`, find(locationId, null)]);
  if (channel !== null) steps.push([`r:*:${channel}`, find(null, channel)]);
  for (const [key, rule] of steps) if (rule) return { key, spec: rule.spec, source: "service_settings" };
  if (channel === "in_person" && locationId !== null) {
    const own = config.locationHours.get(locationId);
    if (own) return { key: `l:${locationId}`, spec: own, source: "location" };
  }
  const fallback = find(null, null);
  if (fallback) return { key: "r:*:*", spec: fallback.spec, source: "service_settings" };
  if (config.workspaceHours) return { key: "w", spec: config.workspaceHours, source: "workspace_settings" };
  return { key: "a", spec: assumedHours(config.workspaceTimeZone), source: "assumed" };
}

export function holidaysFor(config: HoursConfig, locationId: number | null): HolidaySpec[] {
  const byDate = new Map<string, HolidaySpec>();
  for (const h of config.holidays) if (h.locationId === null) byDate.set(h.date, h);
  if (locationId !== null)
    for (const h of config.holidays) if (h.locationId === locationId) byDate.set(h.date, h);
  return [...byDate.values()];
}

export type ScheduleResolver = (channel: Channel | null, locationId: number | null) => Schedule;

/** Compiles each distinct (hours, location's holidays) pair once. */
export function scheduleResolver(config: HoursConfig): ScheduleResolver {
  const compiled = new Map<string, Schedule>();
  const byRequest = new Map<string, Schedule>();
  return (channel, locationId) => {
    const requestKey = `${channel}|${locationId}`;
    let s = byRequest.get(requestKey);
    if (s) return s;
    const r = resolveHours(config, channel, locationId);
    const cacheKey = `${r.key}|${locationId ?? ""}`;
    s = compiled.get(cacheKey);
    if (!s) {
      s = compileSchedule(r.spec, holidaysFor(config, locationId));
      compiled.set(cacheKey, s);
    }
    byRequest.set(requestKey, s);
    return s;
  };
}

/**
 * Reads weekly hours written as `{ mon: [{ from, to }], … }` (the shape the demo and location.working_hours
 * use); anything else gives null, so a malformed setting falls through to the next step instead of failing.
 */
export function readWeeklyHours(value: unknown): WeeklyHours | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const clock = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
  const out: Record<string, Array<{ from: string; to: string }>> = {};
  for (const d of WEEKDAYS) {
    const spans = v[d] ?? [];
    if (!Array.isArray(spans)) return null;
    out[d] = [];
    for (const s of spans) {
      const from = (s as { from?: unknown })?.from;
      const to = (s as { to?: unknown })?.to;
      if (typeof from !== "string" || typeof to !== "string" || !clock.test(from) || !clock.test(to))
        return null;
      out[d].push({ from, to });
    }
  }
  return out as unknown as WeeklyHours;
}

/** A 00:00–24:00 week every day is 24/7 in all but name; saying so lets business time skip the arithmetic. */
export function specFromWeek(timeZone: string, week: WeeklyHours): HoursSpec {
  const allDay = WEEKDAYS.every((d) => week[d].some((s) => s.from === "00:00" && s.to === "24:00"));
  return { timeZone, alwaysOpen: allDay, week };
}
