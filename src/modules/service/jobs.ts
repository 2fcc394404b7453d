import type pg from "pg";
import { type RefreshResult, rebuild, refresh } from "./store.ts";

/**
 * Called by the import pipeline after each committed batch (file import or API batch). `since` must be a
 * time before the batch's transaction began: rows carry updated_at = now() of their transaction, so a later
 * `since` would miss them. A plain function for now; the job queue will wrap it (a retry is safe: a refresh
 * commits whole or not at all). When the hours, holidays or SLA policies changed since the last run, this
 * becomes a full rebuild.
 */
export async function refreshAfterImport(
  pool: pg.Pool,
  workspaceId: number,
  since: Date,
): Promise<RefreshResult> {
  return refresh(pool, workspaceId, { since });
}

/**
 * After the settings change every request's business time and SLA may change: recompute all of it. The
 * settings route starts this without waiting (a million requests take a while); the page says the figures
 * are stale until it is done.
 */
export async function rebuildAfterSettings(pool: pg.Pool, workspaceId: number): Promise<RefreshResult> {
  return rebuild(pool, workspaceId);
}
