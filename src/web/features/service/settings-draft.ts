import { formatSpans, hoursToMinutes, minutesToHours, parseSpans } from "./figures.ts";
import {
  type Channel,
  type Clock,
  type Kind,
  type ServiceSettings,
  type ServiceSettingsInput,
  weekdays,
} from "./service-api.ts";

// The form keeps what the reader typed as text; it becomes the API's shape on saving.
export type RuleDraft = {
  locationId: string;
  channel: string;
  timeZone: string;
  alwaysOpen: boolean;
  week: Record<(typeof weekdays)[number], string>;
};
export type HolidayDraft = { date: string; name: string; locationId: string; hours: string };
export type PolicyDraft = { channel: string; kind: string; clock: Clock; first: string; resolution: string };
export type Draft = { hours: RuleDraft[]; holidays: HolidayDraft[]; policies: PolicyDraft[] };

export const toDraft = (s: ServiceSettings): Draft => ({
  hours: s.hours.map((h) => ({
    locationId: h.locationId === null ? "" : String(h.locationId),
    channel: h.channel ?? "",
    timeZone: h.timeZone,
    alwaysOpen: h.alwaysOpen,
    week: Object.fromEntries(weekdays.map((d) => [d, formatSpans(h.week[d] ?? [])])) as RuleDraft["week"],
  })),
  holidays: s.holidays.map((h) => ({
    date: h.date,
    name: h.name,
    locationId: h.locationId === null ? "" : String(h.locationId),
    hours: formatSpans(h.hours),
  })),
  policies: s.slaPolicies.map((p) => ({
    channel: p.channel ?? "",
    kind: p.kind ?? "",
    clock: p.clock,
    first: minutesToHours(p.firstResponseMinutes),
    resolution: minutesToHours(p.resolutionMinutes),
  })),
});

export type Problems = Record<string, string>;

/** The API's shape, or the fields that cannot be read (keyed like the inputs' test ids). */
export function fromDraft(d: Draft): { input: ServiceSettingsInput; problems: Problems } {
  const problems: Problems = {};
  const input: ServiceSettingsInput = {
    hours: d.hours.map((r, i) => {
      const week = Object.fromEntries(
        weekdays.map((day) => {
          const spans = parseSpans(r.week[day]);
          if (spans === null) problems[`rule-${i}-${day}`] = "spans";
          return [day, spans ?? []];
        }),
      ) as ServiceSettingsInput["hours"][number]["week"];
      return {
        locationId: r.locationId === "" ? null : Number(r.locationId),
        channel: r.channel === "" ? null : (r.channel as Channel),
        timeZone: r.timeZone.trim(),
        alwaysOpen: r.alwaysOpen,
        week,
      };
    }),
    holidays: d.holidays.map((h, i) => {
      const spans = parseSpans(h.hours);
      if (spans === null) problems[`holiday-${i}-hours`] = "spans";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date)) problems[`holiday-${i}-date`] = "date";
      if (h.name.trim() === "") problems[`holiday-${i}-name`] = "required";
      return {
        date: h.date,
        name: h.name.trim(),
        locationId: h.locationId === "" ? null : Number(h.locationId),
        hours: spans ?? [],
      };
    }),
    slaPolicies: d.policies.map((p, i) => {
      const first = hoursToMinutes(p.first);
      const resolution = hoursToMinutes(p.resolution);
      if (first === "invalid") problems[`policy-${i}-first`] = "hours";
      if (resolution === "invalid") problems[`policy-${i}-resolution`] = "hours";
      return {
        channel: p.channel === "" ? null : (p.channel as Channel),
        kind: p.kind === "" ? null : (p.kind as Kind),
        clock: p.clock,
        firstResponseMinutes: first === "invalid" ? null : first,
        resolutionMinutes: resolution === "invalid" ? null : resolution,
      };
    }),
  };
  return { input, problems };
}
