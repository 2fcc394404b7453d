import { createHash } from "node:crypto";
import { z } from "zod";
import { CLOCK_RE, clockMinutes, DATE_RE, type HoursSpec, WEEKDAYS } from "./hours.ts";
import type { HolidayRule, HoursConfig, HoursRule } from "./hours-config.ts";
import { DEFAULT_SLA_POLICIES, type SlaPolicy } from "./sla.ts";
import { CHANNELS, KINDS } from "./types.ts";
import { isTimeZone } from "./zone.ts";

/** The service settings the workspace edits (GET/PUT …/service/settings), validated field by field. */

const clock = z.string().regex(CLOCK_RE, "a time like 09:00 (24:00 may end a span)");
const span = z
  .object({ from: clock, to: clock })
  .refine((s) => s.from !== s.to, { message: "a span needs a start and a different end", path: ["to"] });
const daySpan = span.refine((s) => clockMinutes(s.to) > clockMinutes(s.from), {
  message: "on a holiday a span must end after it starts",
  path: ["to"],
});
const spans = z.array(span).max(8);
export const weekSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, spans.default([])])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodDefault<typeof spans>
  >,
);
const timeZone = z.string().refine(isTimeZone, { message: "an IANA time zone such as Europe/Kyiv" });
const locationId = z.number().int().positive().nullable().describe("null: every location");
const minutes = z.number().int().positive().max(5_256_000).nullable();

export const hoursRuleSchema = z.object({
  locationId,
  channel: z.enum(CHANNELS).nullable().describe("null: every channel"),
  timeZone,
  alwaysOpen: z.boolean().default(false).describe("24/7: open every hour of every day, holidays included"),
  week: weekSchema,
});
export const holidaySchema = z.object({
  date: z.string().regex(DATE_RE, "a date like 2025-01-01"),
  name: z.string().trim().min(1).max(200),
  locationId,
  hours: z.array(daySpan).max(8).default([]).describe("open spans on that day; empty: closed"),
});
export const slaPolicySchema = z.object({
  channel: z.enum(CHANNELS).nullable().describe("null: every channel"),
  kind: z.enum(KINDS).nullable().describe("null: every kind"),
  clock: z.enum(["business", "calendar"]),
  firstResponseMinutes: minutes,
  resolutionMinutes: minutes,
});

const duplicates = <T>(items: readonly T[], key: (t: T) => string): number[] => {
  const seen = new Set<string>();
  const out: number[] = [];
  items.forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
};

export const serviceSettingsInput = z
  .object({
    hours: z.array(hoursRuleSchema).max(500),
    holidays: z.array(holidaySchema).max(5000),
    slaPolicies: z.array(slaPolicySchema).max(200).describe("empty: the defaults apply"),
  })
  .superRefine((v, ctx) => {
    for (const i of duplicates(v.hours, (h) => `${h.locationId}|${h.channel}`))
      ctx.addIssue({
        code: "custom",
        path: ["hours", i],
        message: "a second rule for the same location and channel",
      });
    for (const i of duplicates(v.holidays, (h) => `${h.locationId}|${h.date}`))
      ctx.addIssue({
        code: "custom",
        path: ["holidays", i],
        message: "a second holiday on the same date and location",
      });
    for (const i of duplicates(v.slaPolicies, (p) => `${p.channel}|${p.kind}`))
      ctx.addIssue({
        code: "custom",
        path: ["slaPolicies", i],
        message: "a second policy for the same channel and kind",
      });
  });

export type ServiceSettingsInput = z.infer<typeof serviceSettingsInput>;

export type ServiceSettings = {
  hours: HoursRule[];
  holidays: HolidayRule[];
  slaPolicies: SlaPolicy[];
};

export const toSettings = (v: ServiceSettingsInput): ServiceSettings => ({
  hours: v.hours.map((h) => ({
    locationId: h.locationId,
    channel: h.channel,
    spec: { timeZone: h.timeZone, alwaysOpen: h.alwaysOpen, week: h.week },
  })),
  holidays: v.holidays.map((h) => ({ ...h, hours: h.hours })),
  slaPolicies: v.slaPolicies,
});

export const effectivePolicies = (s: ServiceSettings): readonly SlaPolicy[] =>
  s.slaPolicies.length > 0 ? s.slaPolicies : DEFAULT_SLA_POLICIES;

/** Everything the facts depend on; a change of this hash makes the next refresh a rebuild. */
export function configHash(config: HoursConfig, policies: readonly SlaPolicy[]): string {
  const canon = (spec: HoursSpec) => ({
    z: spec.timeZone,
    a: spec.alwaysOpen,
    w: WEEKDAYS.map((d) => spec.week[d].map((s) => `${s.from}-${s.to}`)),
  });
  const payload = {
    v: 1,
    tz: config.workspaceTimeZone,
    rules: [...config.rules]
      .map((r) => [r.locationId, r.channel, canon(r.spec)] as const)
      .sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`)),
    ws: config.workspaceHours ? canon(config.workspaceHours) : null,
    loc: [...config.locationHours].sort((a, b) => a[0] - b[0]).map(([id, s]) => [id, canon(s)]),
    hol: [...config.holidays]
      .map((h) => [h.locationId, h.date, h.hours.map((s) => `${s.from}-${s.to}`)] as const)
      .sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`)),
    sla: [...policies]
      .map((p) => [p.channel, p.kind, p.clock, p.firstResponseMinutes, p.resolutionMinutes] as const)
      .sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`)),
  };
  return createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 32);
}
