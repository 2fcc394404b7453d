import type pg from "pg";
import { refreshSegments } from "../speedometer/index.ts";
import type { ClusterOptions } from "./cluster.ts";
import { standardise } from "./features.ts";
import { profiles, segmentBase } from "./segmentation.ts";
import { type LoadedFeatures, loadFeatures } from "./store-features.ts";
import { writeSegmentation } from "./store-write.ts";

export type RebuildOptions = ClusterOptions & {
  /** recount the speedometer's segment rollups for the customers who moved afterwards (default true) */
  speedometer?: boolean;
  onPhase?: (phase: "load" | "compute" | "write" | "speedometer", ms: number) => void;
  /** time of each write step (benchmarks) */
  trace?: (step: string, ms: number) => void;
};

export type RebuildResult = {
  customers: number;
  asOf: Date | null;
  k: number | null;
  segments: number;
  inserted: number;
  deleted: number;
  ms: { load: number; compute: number; write: number; speedometer: number; total: number };
};

/** First index of `id` in the ascending `ids`, or −1. */
function indexOf(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === id ? lo : -1;
}

/** Feature profiles of the rule segments (members without a completed order count in size only). */
async function ruleProfiles(pool: pg.Pool, ws: number, f: LoadedFeatures, ruleIds: number[]): Promise<void> {
  if (ruleIds.length === 0 || f.n === 0) return;
  const std = standardise(f.cols, f.n);
  for (const id of ruleIds) {
    const r = await pool.query<{ customer_id: string }>(
      "SELECT customer_id FROM customer_segment WHERE workspace_id = $1 AND segment_id = $2",
      [ws, id],
    );
    const idx = r.rows.map((x) => indexOf(f.customerIds, Number(x.customer_id))).filter((i) => i >= 0);
    const labels = new Uint8Array(f.n).fill(1);
    for (const i of idx) labels[i] = 0;
    const p = profiles(f.cols, std, labels, 2)[0]!;
    await pool.query("UPDATE segment SET profile = $3 WHERE workspace_id = $1 AND id = $2", [
      ws,
      id,
      { ...p, size: r.rows.length },
    ]);
  }
}

/**
 * Recomputes a workspace's RFM and behavioural segments and its rule segments' members, writes them in one
 * transaction, then lets the speedometer recount its segment figures.
 */
export async function rebuildSegments(
  pool: pg.Pool,
  workspaceId: number,
  o: RebuildOptions = {},
): Promise<RebuildResult> {
  const t0 = performance.now();
  const f = await loadFeatures(pool, workspaceId);
  const t1 = performance.now();
  o.onPhase?.("load", t1 - t0);
  const seg = segmentBase(f.cols, f.n, o);
  const t2 = performance.now();
  o.onPhase?.("compute", t2 - t1);
  const w = await writeSegmentation(pool, {
    ws: workspaceId,
    asOf: f.asOf,
    customerIds: f.customerIds,
    seg,
    ms: t2 - t0,
    trace: o.trace,
  });
  await ruleProfiles(pool, workspaceId, f, w.ruleIds);
  const t3 = performance.now();
  o.onPhase?.("write", t3 - t2);
  // The speedometer counts the customers who joined or left a segment again (all of them the first time;
  // a speedometer never built is built now).
  if (o.speedometer !== false) await refreshSegments(pool, workspaceId, w.moved);
  const t4 = performance.now();
  o.onPhase?.("speedometer", t4 - t3);
  return {
    customers: f.n,
    asOf: f.asOf,
    k: seg.clusters.length || null,
    segments: w.rfmIds.length + w.clusterIds.length + w.ruleIds.length,
    inserted: w.inserted,
    deleted: w.deleted,
    ms: {
      load: Math.round(t1 - t0),
      compute: Math.round(t2 - t1),
      write: Math.round(t3 - t2),
      speedometer: Math.round(t4 - t3),
      total: Math.round(t4 - t0),
    },
  };
}
