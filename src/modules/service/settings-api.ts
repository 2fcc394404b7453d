import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { resolveHours } from "./hours-config.ts";
import { type ServiceSettingsInput, toSettings } from "./settings.ts";
import { isCurrent, loadContext, saveSettings, UnknownLocationError } from "./store-config.ts";

/** GET/PUT …/service/settings: what the workspace set, and what applies where it set nothing. */

export async function readServiceSettings(pool: pg.Pool, workspace: number | string) {
  const ctx = await loadContext(pool, workspace);
  if (!ctx) throw new AppError("not_found", `No workspace '${workspace}'`);
  const fallback = resolveHours(
    { ...ctx.hours, rules: ctx.hours.rules.filter((r) => r.locationId !== null || r.channel !== null) },
    null,
    null,
  );
  return {
    timeZone: ctx.timeZone,
    hours: ctx.settings.hours.map((h) => ({
      locationId: h.locationId,
      channel: h.channel,
      timeZone: h.spec.timeZone,
      alwaysOpen: h.spec.alwaysOpen,
      week: h.spec.week,
    })),
    holidays: ctx.settings.holidays,
    slaPolicies: ctx.settings.slaPolicies,
    effective: {
      /** What answers when no rule of `hours` is for every location and channel. */
      fallbackHours: { source: fallback.source, ...fallback.spec },
      slaSource: ctx.settings.slaPolicies.length > 0 ? ("custom" as const) : ("default" as const),
      slaPolicies: [...ctx.policies],
    },
    locations: ctx.locations.map((l) => ({
      id: l.id,
      name: l.name,
      timeZone: l.timeZone,
      openingHours: l.hours ? { ...l.hours } : null,
    })),
    stale: !isCurrent(ctx),
  };
}

export type ServiceSettingsView = Awaited<ReturnType<typeof readServiceSettings>>;

export async function writeServiceSettings(
  pool: pg.Pool,
  workspaceId: number,
  input: ServiceSettingsInput,
): Promise<void> {
  try {
    await saveSettings(pool, workspaceId, toSettings(input));
  } catch (e) {
    if (e instanceof UnknownLocationError) {
      throw new AppError(
        "validation",
        e.message,
        e.ids.map((id) => ({ path: "locationId", message: `no location ${id}` })),
      );
    }
    throw e;
  }
}
