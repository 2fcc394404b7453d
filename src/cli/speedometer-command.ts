import { parseArgs } from "node:util";
import type pg from "pg";
import { isMonth, rebuild, speedometerReport, speedometerText } from "../modules/speedometer/index.ts";
import { AppError } from "../platform/errors.ts";

/**
 * `storona speedometer --workspace <slug|id> [--json] [--from YYYY-MM] [--to YYYY-MM]
 *    [--by location|channel|segment] [--location L | --channel C | --segment S]`
 *   prints the figures the speedometer page shows (the same object as GET /api/workspaces/:ws/speedometer);
 * `storona speedometer rebuild --workspace <slug|id>` recomputes the rollups from scratch.
 */
export const SPEEDOMETER_HELP = `  speedometer --workspace W [--json] [--from YYYY-MM] [--to YYYY-MM] [--by location|channel|segment]
              [--location L | --channel C | --segment S]
                                     the speedometer as the page shows it
  speedometer rebuild --workspace W  recompute the speedometer's rollups from all data`;

export type CommandIo = { out: (text: string) => void; err: (text: string) => void; now: () => Date };

const defaultIo: CommandIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  now: () => new Date(),
};

const dimensions = ["location", "channel", "segment"] as const;

export async function runSpeedometerCommand(
  args: string[],
  pool: pg.Pool,
  io: CommandIo = defaultIo,
): Promise<void> {
  const sub = args[0] === "rebuild" ? "rebuild" : "show";
  const { values } = parseArgs({
    args: sub === "rebuild" ? args.slice(1) : args,
    strict: true,
    options: {
      workspace: { type: "string" },
      json: { type: "boolean" },
      from: { type: "string" },
      to: { type: "string" },
      by: { type: "string" },
      location: { type: "string" },
      channel: { type: "string" },
      segment: { type: "string" },
    },
  });
  const workspace = values.workspace;
  if (!workspace) throw new AppError("bad_request", "--workspace is required (its short name or id)");

  if (sub === "rebuild") {
    const started = Date.now();
    const r = await rebuild(pool, workspace, {
      onPhase: (phase, ms) => io.err(`  ${phase}: ${(ms / 1000).toFixed(1)} s\n`),
    });
    const summary = {
      workspace,
      customers: r.customers,
      orders: r.orders,
      seconds: (Date.now() - started) / 1000,
    };
    io.out(
      values.json
        ? `${JSON.stringify(summary)}\n`
        : `Rebuilt the speedometer of '${workspace}': ${r.customers} customers, ${r.orders} orders in ${summary.seconds.toFixed(1)} s.\n`,
    );
    return;
  }

  for (const m of ["from", "to"] as const) {
    const v = values[m];
    if (v !== undefined && !isMonth(v))
      throw new AppError("bad_request", `--${m} must be a month like 2025-03`);
  }
  const by = values.by;
  if (by !== undefined && !(dimensions as readonly string[]).includes(by)) {
    throw new AppError("bad_request", "--by must be location, channel or segment");
  }
  const report = await speedometerReport(
    pool,
    workspace,
    {
      from: values.from,
      to: values.to,
      by: by as (typeof dimensions)[number] | undefined,
      location: values.location,
      channel: values.channel,
      segment: values.segment,
    },
    io.now(),
  );
  io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : speedometerText(report));
}
