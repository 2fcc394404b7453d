import type pg from "pg";
import type { HoursSpec } from "./hours.ts";
import { type HoursConfig, readWeeklyHours, specFromWeek } from "./hours-config.ts";
import { configHash, effectivePolicies, type ServiceSettings } from "./settings.ts";
import type { SlaPolicy } from "./sla.ts";
import { isChannel, isKind } from "./types.ts";
import { isTimeZone } from "./zone.ts";

/** The service settings and the state of the facts, read from and written to the database. */

type Q = Pick<pg.ClientBase, "query">;

export type ServiceLocation = { id: number; name: string; timeZone: string | null; hours: HoursSpec | null };

export type ServiceContext = {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
  settings: ServiceSettings;
  locations: ServiceLocation[];
  hours: HoursConfig;
  policies: readonly SlaPolicy[];
  hash: string;
  state: {
    hash: string;
    timeZone: string;
    firstMonth: string | null;
    lastMonth: string | null;
    rebuiltAt: Date;
    refreshedAt: Date;
  } | null;
};

export const isCurrent = (c: ServiceContext): boolean => c.state !== null && c.state.hash === c.hash;

const weekOrNull = (tz: string, week: unknown): HoursSpec | null => {
  const w = readWeeklyHours(week);
  return w ? specFromWeek(tz, w) : null;
};

type LocationRow = { id: number; name: string; time_zone: string | null; working_hours: unknown };
type RuleRow = {
  location_id: number;
  channel: string;
  time_zone: string;
  always_open: boolean;
  week: unknown;
};
type HolidayRow = {
  location_id: number;
  day: string;
  name: string;
  hours: Array<{ from: string; to: string }>;
};
type PolicyRow = {
  channel: string;
  kind: string;
  clock: "business" | "calendar";
  fr: number | null;
  res: number | null;
};

/**
 * A workspace by id or slug with everything its facts depend on, in one round trip (every page view
 * starts here); undefined when there is none.
 */
export async function loadContext(db: Q, workspace: number | string): Promise<ServiceContext | undefined> {
  const w = (
    await db.query<{
      id: number;
      slug: string;
      name: string;
      time_zone: string;
      working_hours: unknown;
      config_hash: string | null;
      state_tz: string | null;
      first_month: string | null;
      last_month: string | null;
      rebuilt_at: Date | null;
      refreshed_at: Date | null;
      locations: LocationRow[];
      rules: RuleRow[];
      holidays: HolidayRow[];
      policies: PolicyRow[];
    }>(
      `SELECT w.id, w.slug, w.name, w.time_zone, w.settings -> 'workingHours' AS working_hours,
         s.config_hash, s.time_zone AS state_tz, to_char(s.first_month, 'YYYY-MM') AS first_month,
         to_char(s.last_month, 'YYYY-MM') AS last_month, s.rebuilt_at, s.refreshed_at,
         coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'time_zone', l.time_zone,
             'working_hours', l.working_hours) ORDER BY l.name, l.id)
           FROM location l WHERE l.workspace_id = w.id), '[]') AS locations,
         coalesce((SELECT json_agg(json_build_object('location_id', h.location_id, 'channel', h.channel,
             'time_zone', h.time_zone, 'always_open', h.always_open, 'week', h.week) ORDER BY h.location_id, h.channel)
           FROM service_hours h WHERE h.workspace_id = w.id), '[]') AS rules,
         coalesce((SELECT json_agg(json_build_object('location_id', d.location_id, 'day', to_char(d.day, 'YYYY-MM-DD'),
             'name', d.name, 'hours', d.hours) ORDER BY d.day, d.location_id)
           FROM service_holiday d WHERE d.workspace_id = w.id), '[]') AS holidays,
         coalesce((SELECT json_agg(json_build_object('channel', p.channel, 'kind', p.kind, 'clock', p.clock,
             'fr', p.first_response_minutes, 'res', p.resolution_minutes) ORDER BY p.channel, p.kind)
           FROM service_sla_policy p WHERE p.workspace_id = w.id), '[]') AS policies
       FROM workspace w LEFT JOIN service_state s ON s.workspace_id = w.id
       WHERE w.id::text = $1 OR w.slug = $1`,
      [String(workspace)],
    )
  ).rows[0];
  if (!w) return undefined;
  const locs = { rows: w.locations };
  const rules = { rows: w.rules };
  const holidays = { rows: w.holidays };
  const policies = { rows: w.policies };
  const zoneOr = (tz: string | null) => (tz && isTimeZone(tz) ? tz : w.time_zone);
  const locations: ServiceLocation[] = locs.rows.map((l) => ({
    id: l.id,
    name: l.name,
    timeZone: l.time_zone,
    hours: weekOrNull(zoneOr(l.time_zone), l.working_hours),
  }));
  const settings: ServiceSettings = {
    hours: rules.rows.flatMap((r) => {
      const week = readWeeklyHours(r.week);
      if (!week || !isTimeZone(r.time_zone)) return [];
      return [
        {
          locationId: r.location_id === 0 ? null : r.location_id,
          channel: isChannel(r.channel) ? r.channel : null,
          spec: { timeZone: r.time_zone, alwaysOpen: r.always_open, week },
        },
      ];
    }),
    holidays: holidays.rows.map((h) => ({
      date: h.day,
      name: h.name,
      locationId: h.location_id === 0 ? null : h.location_id,
      hours: Array.isArray(h.hours) ? h.hours : [],
    })),
    slaPolicies: policies.rows.map((p) => ({
      channel: isChannel(p.channel) ? p.channel : null,
      kind: isKind(p.kind) ? p.kind : null,
      clock: p.clock,
      firstResponseMinutes: p.fr,
      resolutionMinutes: p.res,
    })),
  };
  const wh = w.working_hours as { timeZone?: unknown; contactCentre?: unknown } | null;
  const hours: HoursConfig = {
    workspaceTimeZone: w.time_zone,
    rules: settings.hours,
    workspaceHours: wh
      ? weekOrNull(zoneOr(typeof wh.timeZone === "string" ? wh.timeZone : null), wh.contactCentre)
      : null,
    locationHours: new Map(locations.flatMap((l) => (l.hours ? [[l.id, l.hours] as const] : []))),
    holidays: settings.holidays,
  };
  const effective = effectivePolicies(settings);
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    timeZone: w.time_zone,
    settings,
    locations,
    hours,
    policies: effective,
    hash: configHash(hours, effective),
    state:
      w.config_hash === null || w.state_tz === null || w.rebuilt_at === null || w.refreshed_at === null
        ? null
        : {
            hash: w.config_hash,
            timeZone: w.state_tz,
            firstMonth: w.first_month,
            lastMonth: w.last_month,
            rebuiltAt: w.rebuilt_at,
            refreshedAt: w.refreshed_at,
          },
  };
}

/** Replaces the workspace's hours, holidays and SLA policies in one transaction. */
export async function saveSettings(pool: pg.Pool, workspaceId: number, s: ServiceSettings): Promise<void> {
  const known = new Set(
    (
      await pool.query<{ id: number }>("SELECT id FROM location WHERE workspace_id = $1", [workspaceId])
    ).rows.map((r) => r.id),
  );
  const unknown = [...s.hours, ...s.holidays]
    .map((x) => x.locationId)
    .filter((id) => id !== null && !known.has(id));
  if (unknown.length > 0) throw new UnknownLocationError(unknown as number[]);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const t of ["service_hours", "service_holiday", "service_sla_policy"]) {
      await client.query(`DELETE FROM ${t} WHERE workspace_id = $1`, [workspaceId]);
    }
    // One statement per table, whatever the number of rows.
    const hours = s.hours.map((h) => ({
      location_id: h.locationId ?? 0,
      channel: h.channel ?? "",
      time_zone: h.spec.timeZone,
      always_open: h.spec.alwaysOpen,
      week: h.spec.week,
    }));
    await client.query(
      `INSERT INTO service_hours (workspace_id, location_id, channel, time_zone, always_open, week)
       SELECT $1, location_id, channel, time_zone, always_open, week
       FROM jsonb_to_recordset($2::jsonb) AS x(location_id bigint, channel text, time_zone text, always_open boolean, week jsonb)`,
      [workspaceId, JSON.stringify(hours)],
    );
    const holidays = s.holidays.map((h) => ({
      location_id: h.locationId ?? 0,
      day: h.date,
      name: h.name,
      hours: h.hours,
    }));
    await client.query(
      `INSERT INTO service_holiday (workspace_id, location_id, day, name, hours)
       SELECT $1, location_id, day, name, hours
       FROM jsonb_to_recordset($2::jsonb) AS x(location_id bigint, day date, name text, hours jsonb)`,
      [workspaceId, JSON.stringify(holidays)],
    );
    const policies = s.slaPolicies.map((p) => ({
      channel: p.channel ?? "",
      kind: p.kind ?? "",
      clock: p.clock,
      fr: p.firstResponseMinutes,
      res: p.resolutionMinutes,
    }));
    await client.query(
      `INSERT INTO service_sla_policy (workspace_id, channel, kind, clock, first_response_minutes, resolution_minutes)
       SELECT $1, channel, kind, clock, fr, res
       FROM jsonb_to_recordset($2::jsonb) AS x(channel text, kind text, clock text, fr integer, res integer)`,
      [workspaceId, JSON.stringify(policies)],
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

export class UnknownLocationError extends Error {
  constructor(readonly ids: number[]) {
    super(`No location with id ${ids.join(", ")} in this workspace`);
  }
}
