import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { type FitResult, fitWorkspace } from "./service.ts";

export type RefitOutcome =
  | { status: "fitted"; fitId: number; customers: number; durationMs: number }
  | { status: "skipped"; reason: string };

/**
 * Called after an import commits: refit the workspace's models as of now with its settings. A plain
 * function until the job queue exists (the lead wraps it); a workspace without enough data yet is
 * skipped with the reason rather than failed, so the queue does not retry what cannot succeed. Safe to
 * re-run: a fit replaces the previous values in one transaction.
 */
export async function refitAfterImport(
  pool: pg.Pool,
  workspaceId: number,
  options: { now?: () => Date } = {},
): Promise<RefitOutcome> {
  const started = performance.now();
  let result: FitResult;
  try {
    result = await fitWorkspace(pool, workspaceId, { now: options.now });
  } catch (e) {
    if (e instanceof AppError && e.code === "validation") return { status: "skipped", reason: e.message };
    throw e;
  }
  return {
    status: "fitted",
    fitId: result.fitId,
    customers: result.fit.customers,
    durationMs: performance.now() - started,
  };
}
