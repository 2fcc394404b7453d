import { parseArgs } from "node:util";
import type pg from "pg";
import {
  CHANNELS,
  type Channel,
  KINDS,
  type Kind,
  rebuild,
  type ServiceQuery,
  type ServiceReport,
  serviceReport,
  verdictInEnglish,
} from "../modules/service/index.ts";
import { AppError } from "../platform/errors.ts";

const USAGE = `storona service --workspace <slug|id> [--json] [--from YYYY-MM] [--to YYYY-MM]
                [--location ID] [--channel C] [--kind K]
storona service rebuild --workspace <slug|id>     recompute the facts and rollups`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `storona service`: the service page's figures (the same object the API returns) as JSON, or a short
 * summary for people; `storona service rebuild` recomputes them. `now` decides the default period.
 */
export async function runServiceCommand(
  args: string[],
  pool: pg.Pool,
  now: Date = new Date(),
): Promise<void> {
  const sub = args[0] === "rebuild" ? "rebuild" : "show";
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: sub === "rebuild" ? args.slice(1) : args,
      strict: true,
      options: {
        workspace: { type: "string" },
        json: { type: "boolean" },
        from: { type: "string" },
        to: { type: "string" },
        location: { type: "string" },
        channel: { type: "string" },
        kind: { type: "string" },
      },
    }));
  } catch (e) {
    throw new AppError("bad_request", `${(e as Error).message}\n${USAGE}`);
  }
  const workspace = values.workspace;
  if (typeof workspace !== "string" || workspace === "")
    throw new AppError("bad_request", `--workspace is required\n${USAGE}`);
  if (sub === "rebuild") {
    const r = await rebuild(pool, workspace, now);
    console.log(`Rebuilt: ${r.requests} requests, ${r.orders} orders in ${(r.ms / 1000).toFixed(1)} s.`);
    return;
  }
  const report = await serviceReport(pool, workspace, query(values), now);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(summary(report));
}

function query(v: Record<string, string | boolean | undefined>): ServiceQuery {
  const q: ServiceQuery = {};
  for (const k of ["from", "to"] as const) {
    const m = v[k];
    if (m === undefined) continue;
    if (typeof m !== "string" || !MONTH.test(m))
      throw new AppError("bad_request", `--${k} must be a month like 2025-03`);
    q[k] = m;
  }
  if (typeof v.location === "string") {
    const id = Number(v.location);
    if (!Number.isInteger(id) || id < 0)
      throw new AppError("bad_request", "--location must be a location id");
    q.location = id;
  }
  if (typeof v.channel === "string") {
    if (!(CHANNELS as readonly string[]).includes(v.channel))
      throw new AppError("bad_request", `--channel must be one of ${CHANNELS.join(", ")}`);
    q.channel = v.channel as Channel;
  }
  if (typeof v.kind === "string") {
    if (!(KINDS as readonly string[]).includes(v.kind))
      throw new AppError("bad_request", `--kind must be one of ${KINDS.join(", ")}`);
    q.kind = v.kind as Kind;
  }
  return q;
}

const h = (x: number | null) =>
  x === null ? "—" : x < 1 ? `${Math.round(x * 60)} min` : `${x.toFixed(1)} h`;
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** A few lines a person can read in a terminal; --json has everything. */
function summary(r: ServiceReport): string {
  const lines = [
    `${r.workspace.name} — service, ${r.period.from} … ${r.period.to} (${r.workspace.timeZone})`,
    "",
    ...r.verdicts.map((v) => `• ${verdictInEnglish(v)}`),
    "",
    "channel        requests  answered  1st answer median / p90   business median   SLA met",
  ];
  for (const c of [...r.channels, r.total]) {
    lines.push(
      [
        (c.channel ?? "all").padEnd(14),
        String(c.requests).padStart(8),
        pct(c.answered.value).padStart(9),
        `${h(c.firstResponse.calendar.median)} / ${h(c.firstResponse.calendar.p90)}`.padStart(26),
        h(c.firstResponse.business.median).padStart(17),
        pct(c.sla.firstResponse.value).padStart(9),
      ].join(" "),
    );
  }
  if (r.freshness.stale)
    lines.push("", "The figures predate the current settings; run `storona service rebuild`.");
  return lines.join("\n");
}
