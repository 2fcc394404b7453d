import { parseArgs } from "node:util";
import type pg from "pg";
import { rebuildSegments, type SegmentsReport, segmentsReport } from "../modules/segments/index.ts";
import { AppError } from "../platform/errors.ts";
import { resolveWorkspace } from "./workspace-arg.ts";

const USAGE = `storona segments --workspace <slug|id> [--json] [--cached]
  computes the RFM and behavioural segments (and the rule segments' members), then prints them with sizes
  and profiles; --cached prints the last computed ones without recomputing`;

/**
 * `storona segments`: recompute a workspace's segments and print them — the same object the API returns with
 * --json, a table for people otherwise. `now` decides the speedometer's default period.
 */
export async function runSegmentsCommand(
  args: string[],
  pool: pg.Pool,
  now: Date = new Date(),
): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: { workspace: { type: "string" }, json: { type: "boolean" }, cached: { type: "boolean" } },
    }));
  } catch (e) {
    throw new AppError("bad_request", `${(e as Error).message}\n${USAGE}`);
  }
  if (typeof values.workspace !== "string" || values.workspace === "")
    throw new AppError("bad_request", `--workspace is required\n${USAGE}`);
  const ws = await resolveWorkspace(pool, values.workspace);
  const json = Boolean(values.json);
  if (!values.cached) {
    const r = await rebuildSegments(pool, ws.id);
    const line = `Segmented ${r.customers} customers (k = ${r.k ?? "—"}) in ${(r.ms.total / 1000).toFixed(1)} s.`;
    if (json) console.error(line);
    else console.log(line);
  }
  const report = await segmentsReport(pool, ws.id, now);
  if (json) console.log(JSON.stringify(report, null, 2));
  else console.log(summary(report));
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const fixed = (x: number | null | undefined, d: number) =>
  x === null || x === undefined ? "—" : x.toFixed(d);

function summary(r: SegmentsReport): string {
  const lines: string[] = [];
  if (r.run) {
    lines.push(
      `${r.run.customers} customers with orders, as of ${r.run.asOf?.slice(0, 10) ?? "—"}; ` +
        `behavioural segments: k = ${r.run.k ?? "—"} (silhouette ${r.run.silhouette.map((s) => `${s.k}:${s.silhouette.toFixed(2)}`).join(" ")})`,
      "",
    );
  }
  lines.push(
    "id      kind     name                                      size    share  recency  orders    spend  NPS   CCI  top problem",
  );
  for (const s of r.segments) {
    const m = s.profile?.means;
    lines.push(
      [
        String(s.id).padEnd(7),
        s.kind.padEnd(8),
        (s.isTarget ? `★ ${s.name}` : s.name).slice(0, 41).padEnd(41),
        String(s.size).padStart(5),
        pct(s.share).padStart(8),
        fixed(m?.recency, 0).padStart(8),
        fixed(m?.frequency, 1).padStart(7),
        fixed(m?.monetary === null || m?.monetary === undefined ? null : m.monetary / 100, 0).padStart(8),
        fixed(m?.nps, 1).padStart(4),
        fixed(s.cci?.value, 0).padStart(5),
        ` ${s.topProblems[0]?.label ?? ""}`,
      ].join(" "),
    );
  }
  if (r.segments.length === 0) lines.push("(no segments yet: the workspace has no completed orders)");
  return lines.join("\n");
}
