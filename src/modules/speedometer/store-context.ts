import type pg from "pg";
import { parseSettings, type SpeedometerSettings } from "./settings.ts";
import type { Month } from "./types.ts";

/** A workspace as the speedometer sees it: its zone, its settings and the state of its rollups. */

type Q = Pick<pg.ClientBase, "query">;

export type WorkspaceContext = {
  id: number;
  slug: string;
  timeZone: string;
  currency: string;
  settings: SpeedometerSettings;
  state: {
    windowDays: number;
    timeZone: string;
    firstMonth: Month | null;
    lastMonth: Month | null;
    rebuiltAt: Date;
    refreshedAt: Date;
    keptCustomers: number;
  } | null;
};

/** A workspace by id or slug, with the speedometer's settings and the state of its rollups. */
export async function loadContext(db: Q, workspace: number | string): Promise<WorkspaceContext | undefined> {
  const r = await db.query<{
    id: number;
    slug: string;
    time_zone: string;
    currency: string;
    settings: unknown;
    window_days: number | null;
    state_tz: string | null;
    first_month: string | null;
    last_month: string | null;
    rebuilt_at: Date | null;
    refreshed_at: Date | null;
    kept_customers: number | null;
  }>(
    `SELECT w.id, w.slug, w.time_zone, trim(w.currency) AS currency, w.settings -> 'speedometer' AS settings,
       s.window_days, s.time_zone AS state_tz, to_char(s.first_month, 'YYYY-MM') AS first_month,
       to_char(s.last_month, 'YYYY-MM') AS last_month, s.rebuilt_at, s.refreshed_at,
       s.kept_customers
     FROM workspace w LEFT JOIN speedometer_state s ON s.workspace_id = w.id
     WHERE w.id::text = $1 OR w.slug = $1`,
    [String(workspace)],
  );
  const w = r.rows[0];
  if (!w) return undefined;
  const state =
    w.window_days === null || w.rebuilt_at === null || w.refreshed_at === null || w.state_tz === null
      ? null
      : {
          windowDays: w.window_days,
          timeZone: w.state_tz,
          firstMonth: w.first_month,
          lastMonth: w.last_month,
          rebuiltAt: w.rebuilt_at,
          refreshedAt: w.refreshed_at,
          keptCustomers: w.kept_customers ?? 0,
        };
  return {
    id: w.id,
    slug: w.slug,
    timeZone: w.time_zone,
    currency: w.currency,
    settings: parseSettings(w.settings),
    state,
  };
}

/** Whether the rollups were computed with the workspace's current window and time zone. */
export const isCurrent = (c: WorkspaceContext): boolean =>
  c.state !== null && c.state.windowDays === c.settings.windowDays && c.state.timeZone === c.timeZone;
