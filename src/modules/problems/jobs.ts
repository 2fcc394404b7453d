import type pg from "pg";
import { type ReclusterOptions, type ReclusterResult, reclusterWorkspace as recluster } from "./service.ts";
import { type AssignResult, assignNew as assignNewTexts } from "./service-assign.ts";

/**
 * Background work as plain functions; the job queue or the import pipeline calls them.
 * - after an import batch: `assignNew(pool, ws, since)` with `since` a time before the batch's transaction
 *   began (rows carry updated_at = now() of their transaction). It clusters from scratch when the workspace
 *   has no clustering yet, and again once the texts placed since the last one exceed a quarter of it.
 * - periodically (nightly) or on demand: `reclusterWorkspace(pool, ws)`.
 * Both are safe to retry: each commits whole or not at all, under a per-workspace advisory lock.
 */

export async function reclusterWorkspace(
  pool: pg.Pool,
  workspaceId: number,
  options: ReclusterOptions = {},
): Promise<ReclusterResult> {
  return recluster(pool, workspaceId, options);
}

export async function assignNew(
  pool: pg.Pool,
  workspaceId: number,
  since: Date,
  options: { now?: Date } = {},
): Promise<AssignResult> {
  return assignNewTexts(pool, workspaceId, since, options);
}
