import type pg from "pg";
import { refitAfterImport } from "../modules/money/index.ts";
import { assignNew, reclusterWorkspace } from "../modules/problems/index.ts";
import { rebuildSegments } from "../modules/segments/index.ts";
import { rebuild as rebuildService, refreshAfterImport as refreshService } from "../modules/service/index.ts";
import {
  rebuild as rebuildSpeedometer,
  refreshAfterImport as refreshSpeedometer,
} from "../modules/speedometer/index.ts";
import { type DataChange, onDataChanged } from "../platform/jobs/events.ts";

/**
 * The figures derived from the raw data (speedometer and service rollups, problem assignment, the money
 * models), kept in step with it. The one place that knows every module that reacts to new data.
 */

export type DerivedStep = { step: string; ms: number; error?: string };
type Log = (line: string) => void;

async function timed(step: string, steps: DerivedStep[], fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  try {
    await fn();
    steps.push({ step, ms: Math.round(performance.now() - t0) });
  } catch (e) {
    steps.push({
      step,
      ms: Math.round(performance.now() - t0),
      error: e instanceof Error ? e.message : String(e),
    });
  }
}

/** After new rows (an import or an API batch): refresh what depends on rows changed since `since`. */
export async function refreshDerived(
  pool: pg.Pool,
  workspaceId: number,
  since: Date,
): Promise<DerivedStep[]> {
  const steps: DerivedStep[] = [];
  await timed("speedometer", steps, () => refreshSpeedometer(pool, workspaceId, since));
  await timed("service", steps, () => refreshService(pool, workspaceId, since));
  await timed("problems", steps, () => assignNew(pool, workspaceId, since));
  await timed("money", steps, () => refitAfterImport(pool, workspaceId));
  // Segments use the fresh CLV; then the speedometer counts the customers who moved between segments again.
  await timed("segments", steps, () => rebuildSegments(pool, workspaceId));
  return steps;
}

/** Everything from scratch (a freshly loaded demo workspace, or on request). */
export async function rebuildDerived(
  pool: pg.Pool,
  workspaceId: number,
  log: Log = () => {},
): Promise<DerivedStep[]> {
  const steps: DerivedStep[] = [];
  const run = async (step: string, fn: () => Promise<unknown>) => {
    log(`  ${step}…`);
    await timed(step, steps, fn);
    const last = steps[steps.length - 1];
    if (last?.error) log(`  ${step} failed: ${last.error}`);
  };
  // Money first (segments use CLV), then segments (the speedometer slices by them).
  await run("money", () => refitAfterImport(pool, workspaceId));
  await run("segments", () => rebuildSegments(pool, workspaceId, { speedometer: false }));
  await run("speedometer", () => rebuildSpeedometer(pool, workspaceId));
  await run("service", () => rebuildService(pool, workspaceId));
  await run("problems", () => reclusterWorkspace(pool, workspaceId));
  return steps;
}

/**
 * Listens for "data changed" and refreshes in the background: changes to one workspace arriving close
 * together (the batches of one import) are coalesced into one refresh from the earliest `since`, a
 * workspace is refreshed by one run at a time, and the import that announced is never kept waiting.
 */
export function startDerivedQueue(
  pool: pg.Pool,
  o: { delayMs?: number; log?: Log } = {},
): { idle: () => Promise<void>; stop: () => void } {
  const delay = o.delayMs ?? 2000;
  const log = o.log ?? (() => {});
  const pending = new Map<number, Date>();
  const timers = new Map<number, NodeJS.Timeout>();
  const running = new Map<number, Promise<void>>();
  let stopped = false;

  const schedule = (ws: number) => {
    const old = timers.get(ws);
    if (old) clearTimeout(old);
    timers.set(
      ws,
      setTimeout(() => {
        timers.delete(ws);
        void run(ws);
      }, delay),
    );
  };

  const run = async (ws: number): Promise<void> => {
    if (stopped) return;
    const busy = running.get(ws);
    if (busy) {
      await busy;
      if (!running.has(ws) && pending.has(ws)) return run(ws);
      return;
    }
    const since = pending.get(ws);
    if (!since) return;
    pending.delete(ws);
    const job = (async () => {
      const steps = await refreshDerived(pool, ws, since);
      for (const s of steps) if (s.error) log(`Refreshing ${s.step} for workspace ${ws} failed: ${s.error}`);
    })().finally(() => running.delete(ws));
    running.set(ws, job);
    await job;
    if (pending.has(ws) && !timers.has(ws)) schedule(ws);
  };

  const off = onDataChanged(async (c: DataChange) => {
    if (stopped) return;
    const prev = pending.get(c.workspaceId);
    if (!prev || c.since < prev) pending.set(c.workspaceId, c.since);
    schedule(c.workspaceId);
  });

  return {
    /** Resolves once nothing is waiting or running (tests). */
    idle: async () => {
      while (timers.size > 0 || running.size > 0) {
        for (const [ws, t] of timers) {
          clearTimeout(t);
          timers.delete(ws);
          await run(ws);
        }
        await Promise.all(running.values());
      }
    },
    stop: () => {
      stopped = true;
      off();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
