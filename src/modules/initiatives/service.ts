import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import {
  addMonths,
  compareMonths,
  type Dimension,
  monthOf,
  monthRange,
  resolveSlice,
  type Slice,
  sliceSeries,
  speedometerInfo,
  subtractSeries,
} from "../speedometer/index.ts";
import { type EffectEstimate, estimateEffect, type Verdict } from "./effect.ts";
import { type Initiative, problemExists, type Target, type TargetKind } from "./store.ts";
import { type EffectWindows, effectWindows } from "./windows.ts";

export type InitiativeEffect = EffectWindows & {
  target: { kind: TargetKind | "all"; value: string | null; label: string | null };
  /** The plain answer: the CCI's verdict, or why there is none yet. */
  verdict: Verdict;
  reason: "not_started" | "no_complete_month_after_start" | "unknown_target" | "too_little_data" | null;
  needsRebuild: boolean;
  estimate: EffectEstimate | null;
};

const targetKinds: readonly TargetKind[] = ["location", "channel", "segment", "problem"];

/** The one key a target names ({} = the whole business). Values from JSON may be numbers: read as text. */
export function targetOf(t: Target | Record<string, unknown>): {
  kind: TargetKind | "all";
  value: string | null;
} {
  for (const k of targetKinds) {
    const v = (t as Record<string, unknown>)[k];
    if (v !== undefined && v !== null && String(v) !== "") return { kind: k, value: String(v) };
  }
  return { kind: "all", value: null };
}

/** Whether a target names something that exists (for create and update). */
export async function checkTarget(pool: pg.Pool, workspaceId: number, target: Target): Promise<void> {
  const t = targetOf(target);
  if (t.kind === "all" || t.kind === "channel" || t.value === null) return;
  const ok =
    t.kind === "problem"
      ? await problemExists(pool, workspaceId, t.value)
      : (await resolveSlice(pool, workspaceId, t.kind, t.value)) !== undefined;
  if (!ok) {
    throw new AppError("validation", `No ${t.kind} '${t.value}' in this workspace`, [
      { path: `target.${t.kind}`, message: "unknown" },
    ]);
  }
}

async function labelOf(pool: pg.Pool, workspaceId: number, kind: Dimension, id: string): Promise<string> {
  if (kind === "channel") return id;
  const table = kind === "location" ? "location" : "segment";
  const r = await pool.query<{ name: string }>(
    `SELECT name FROM ${table} WHERE workspace_id = $1 AND id::text = $2`,
    [workspaceId, id],
  );
  return r.rows[0]?.name ?? id;
}

/** The initiative's effect on the needle for its target against the rest of the business; `now` decides
 * which months are complete. */
export async function initiativeEffect(
  pool: pg.Pool,
  workspaceId: number,
  i: Initiative,
  now: Date,
): Promise<InitiativeEffect> {
  const info = await speedometerInfo(pool, workspaceId);
  if (!info) throw new AppError("not_found", "No such workspace");
  const startMonth = monthOf(i.startedAt, info.timeZone);
  const lastComplete =
    info.lastMonth !== null && compareMonths(info.lastMonth, addMonths(monthOf(now, info.timeZone), -1)) < 0
      ? info.lastMonth
      : addMonths(monthOf(now, info.timeZone), -1);
  const w = effectWindows(startMonth, lastComplete);
  const given = targetOf(i.target);
  const base = { ...w, needsRebuild: info.needsRebuild, estimate: null, verdict: "not_enough_data" as const };
  let slice: Slice = { kind: "all" };
  let target: InitiativeEffect["target"] = { kind: "all", value: null, label: null };
  if (given.kind === "problem" && given.value !== null) {
    if (!/^\d{1,18}$/.test(given.value))
      return { ...base, target: { ...given, label: null }, reason: "unknown_target" };
    slice = { kind: "problem", value: given.value };
    target = { kind: "problem", value: given.value, label: `#${given.value}` };
  } else if (given.kind !== "all" && given.kind !== "problem" && given.value !== null) {
    const value = await resolveSlice(pool, workspaceId, given.kind, given.value);
    if (value === undefined) return { ...base, target: { ...given, label: null }, reason: "unknown_target" };
    slice = { kind: given.kind, value };
    target = { kind: given.kind, value, label: await labelOf(pool, workspaceId, given.kind, value) };
  }
  if (compareMonths(startMonth, monthOf(now, info.timeZone)) > 0)
    return { ...base, target, reason: "not_started" };
  if (w.after === null) return { ...base, target, reason: "no_complete_month_after_start" };
  const [targetSeries, all] = await Promise.all([
    sliceSeries(pool, workspaceId, slice, w.before.from, w.after.to),
    slice.kind === "all"
      ? Promise.resolve(null)
      : sliceSeries(pool, workspaceId, { kind: "all" }, w.before.from, w.after.to),
  ]);
  const estimate = estimateEffect({
    target: targetSeries,
    comparison: all ? subtractSeries(all, targetSeries) : null,
    before: monthRange(w.before.from, w.before.to),
    after: monthRange(w.after.from, w.after.to),
    windowDays: info.windowDays,
    weights: info.weights,
  });
  const verdict = estimate.cci.verdict;
  return {
    ...w,
    target,
    verdict,
    reason: verdict === "not_enough_data" ? "too_little_data" : null,
    needsRebuild: info.needsRebuild,
    estimate,
  };
}
