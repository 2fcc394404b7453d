import type pg from "pg";
import { type RefreshResult, refresh } from "./store.ts";

/**
 * Called by the import pipeline after each committed batch (file import or API batch). `since` must be
 * a time before the batch's transaction began: rows carry updated_at = now() of their transaction, so a
 * later `since` would miss them. A plain function for now; the job queue will wrap it (retry on failure
 * is safe: a refresh either commits whole or not at all).
 */
export async function refreshAfterImport(
  pool: pg.Pool,
  workspaceId: number,
  since: Date,
): Promise<RefreshResult> {
  return refresh(pool, workspaceId, { since });
}
