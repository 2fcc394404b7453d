/**
 * `storona money …` for scripts:
 *   money fit --in <summary.csv> --model bgnbd|pareto|gg [--json]   fit a model on a summary file (no database)
 *   money clv --workspace <slug|id> [--refit] [--as-of YYYY-MM-DD] [--json]
 *                                                                  per-customer values (fits first if needed)
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type pg from "pg";
import {
  customerValueRows,
  exportContext,
  type FileFit,
  fitSummaryFile,
  fitWorkspace,
  moneySummary,
  parseSummaryCsv,
} from "../modules/money/index.ts";
import { AppError } from "../platform/errors.ts";
import { printTable, progressBar } from "./output.ts";

export const MONEY_HELP = `storona money — customer lifetime value

  money fit --in FILE --model bgnbd|pareto|gg [--json]
      fit a model on a summary CSV with columns id,x,t_x,T[,monetary] (lifetimes' frequency/recency
      and Hardie's zbar are accepted too); prints parameters, standard errors and the log-likelihood
  money clv --workspace W [--refit] [--as-of YYYY-MM-DD] [--json]
      each customer's P(alive), expected purchases and spend, and CLV (minor units); fits first when the
      workspace has no fit yet, or with --refit`;

const print = (line: string) => console.log(line);

export async function runMoneyCommand(args: string[], getPool: () => Promise<pg.Pool>): Promise<void> {
  const [sub, ...rest] = args;
  const { values: f } = parseArgs({
    args: rest,
    strict: true,
    options: {
      in: { type: "string" },
      model: { type: "string" },
      workspace: { type: "string" },
      "as-of": { type: "string" },
      refit: { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  const json = f.json === true;
  if (sub === "fit") {
    if (!f.in) throw new AppError("bad_request", "--in is required (a summary CSV)");
    const model = f.model ?? "bgnbd";
    if (model !== "bgnbd" && model !== "pareto" && model !== "gg") {
      throw new AppError("bad_request", "--model must be bgnbd, pareto or gg");
    }
    let text: string;
    try {
      text = await readFile(f.in, "utf8");
    } catch (e) {
      throw new AppError("not_found", `Cannot read ${f.in}: ${(e as Error).message}`);
    }
    printFit(fitSummaryFile(parseSummaryCsv(text), model), json);
    return;
  }
  if (sub === "clv") {
    if (!f.workspace) throw new AppError("bad_request", "--workspace is required (slug or id)");
    const pool = await getPool();
    const ctx = await exportContext(pool, f.workspace);
    if (ctx.fitId === null || f.refit || f["as-of"]) {
      const bar = progressBar(`Fitting '${ctx.ws.slug}'`);
      const phases = ["aggregate", "fit", "write", "figures"];
      await fitWorkspace(pool, ctx.ws.id, {
        asOf: f["as-of"],
        onProgress: (p) => bar.update(phases.indexOf(p) + 1, phases.length),
      });
      bar.done();
    }
    const { threshold } = await exportContext(pool, ctx.ws.id);
    const summary = await moneySummary(pool, ctx.ws.id);
    const rows = customerValueRows(pool, ctx.ws.id, threshold);
    if (json) {
      // Streamed, one customer a line: a large workspace never sits in memory as one JSON string.
      print(
        `{"workspace":${JSON.stringify(summary.workspace)},"fit":${JSON.stringify(summary.fit)},"customers":[`,
      );
      let previous: string | null = null;
      for await (const row of rows) {
        if (previous !== null) print(`${previous},`);
        previous = JSON.stringify(row);
      }
      if (previous !== null) print(previous);
      print("]}");
      return;
    }
    const t = summary.figures?.totals;
    print(
      `Workspace '${ctx.ws.slug}': ${t?.customers ?? 0} customers, CLV ${fmtMoney(t?.clv ?? 0, ctx.digits)} ${ctx.ws.currency} ` +
        `over ${summary.settings.horizonMonths} months (fit ${summary.fit?.id} as of ${summary.fit?.calibrationEnd}).`,
    );
    // A terminal gets the first rows; scripts take --json, spreadsheets the CSV export.
    const shown = 50;
    const table: Record<string, unknown>[] = [];
    let total = 0;
    for await (const row of rows) {
      total++;
      if (table.length >= shown) continue;
      table.push({
        customer: row.externalId,
        p_alive: row.pAlive.toFixed(3),
        purchases: row.expectedPurchases.toFixed(2),
        spend: fmtMoney(row.expectedSpend, ctx.digits),
        clv: fmtMoney(row.clv, ctx.digits),
        at_risk: row.reasons.join(","),
      });
    }
    printTable(table, false);
    if (total > shown)
      print(`… and ${total - shown} more customers: use --json, or the CSV export in the web app.`);
    return;
  }
  throw new AppError("bad_request", `Unknown money command '${sub ?? ""}'.\n\n${MONEY_HELP}`);
}

const fmtMoney = (minor: number, digits: number): string => (minor / 10 ** digits).toFixed(digits);

function printFit(fit: FileFit, json: boolean): void {
  if (json) {
    print(JSON.stringify(fit, null, 2));
    return;
  }
  print(
    `${fit.model}: ${fit.customers} customers (${fit.rows} distinct rows), log-likelihood ${fit.logLik.toFixed(3)}` +
      `${fit.converged ? "" : fit.boundary ? " — at the no-heterogeneity edge" : " — did NOT converge"}`,
  );
  printTable(
    Object.entries(fit.params).map(([name, estimate]) => ({
      parameter: name,
      estimate: estimate.toFixed(6),
      "std. error": fit.standardErrors[name]?.toFixed(6) ?? "n/a",
    })),
    false,
  );
  if (fit.boundary) {
    print(
      "The customers hardly differ: the estimate ran to the edge where every customer has the same rates " +
        "(no heterogeneity). The rates it implies hold; the parameters themselves and their errors do not.",
    );
  }
}
