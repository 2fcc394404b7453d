import { parseArgs } from "node:util";
import type pg from "pg";
import { type EntityKind, importFile, listIssues, parseMapArgs } from "../modules/intake/index.ts";
import { AppError } from "../platform/errors.ts";
import { refreshDerived } from "./derived.ts";
import { printTable, progressBar } from "./output.ts";
import { resolveWorkspace } from "./workspace-arg.ts";

const entities: readonly EntityKind[] = ["customers", "orders", "requests", "feedback"];

/** `storona import <customers|orders|requests|feedback> <file> --workspace <id> [--map c=f ...] [--dry-run]` */
export async function runImportCommand(args: string[], pool: pg.Pool): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      workspace: { type: "string" },
      map: { type: "string", multiple: true },
      default: { type: "string", multiple: true },
      format: { type: "string" },
      "dry-run": { type: "boolean" },
      "batch-size": { type: "string" },
      json: { type: "boolean" },
      errors: { type: "boolean" },
      "no-refresh": { type: "boolean" },
    },
  });
  const [entity, file] = positionals;
  if (!entity || !entities.includes(entity as EntityKind)) {
    throw new AppError(
      "bad_request",
      `What to import: one of ${entities.join(", ")} (got '${entity ?? ""}')`,
    );
  }
  if (!file)
    throw new AppError("bad_request", "Which file to import: storona import <what> <file> --workspace <id>");
  if (!values.workspace) throw new AppError("bad_request", "--workspace is required");
  const format = values.format as "csv" | "jsonl" | "xlsx" | "cdnow" | "auto" | undefined;
  if (format && !["csv", "jsonl", "xlsx", "cdnow", "auto"].includes(format)) {
    throw new AppError("bad_request", `--format must be csv, jsonl, xlsx, cdnow or auto (got '${format}')`);
  }
  const ws = await resolveWorkspace(pool, values.workspace);
  const importStarted = new Date(Date.now() - 1000);
  const bar = progressBar(`Importing ${entity}`);
  let lastRate = "";
  const summary = await importFile(
    pool,
    {
      workspaceId: ws.id,
      entity: entity as EntityKind,
      file,
      format,
      overrides: parseMapArgs(values.map ?? []),
      defaults: parseMapArgs(values.default ?? []),
      dryRun: values["dry-run"],
      batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
    },
    (p) => {
      if (p.phase === "indexing") {
        bar.note(
          `${p.rowsRead.toLocaleString("en")} rows read; building the indexes (one sorted pass each)…`,
        );
        return;
      }
      bar.update(p.rowsRead, p.totalRows);
      lastRate = `${p.rowsRead}`;
    },
  );
  bar.done();
  void lastRate;
  const changed = summary.inserted + summary.updated > 0 && !summary.dryRun;
  const refresh =
    changed && !values["no-refresh"] ? await refreshDerived(pool, ws.id, importStarted) : undefined;
  if (values.json) {
    console.log(JSON.stringify({ ...summary, refresh }, null, 2));
    return;
  }
  const rate = summary.seconds > 0 ? Math.round(summary.read / summary.seconds) : summary.read;
  console.log(
    `${summary.dryRun ? "Dry run (nothing written): " : ""}${file} → ${entity} in '${ws.slug}', run #${summary.runId}`,
  );
  if (summary.resumedFrom) {
    console.log(
      `Resumed after run #${summary.resumedFrom}: ${summary.skippedLines.toLocaleString("en")} rows it had committed were skipped.`,
    );
  }
  printTable(
    [
      {
        read: summary.read,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        "rows/s": rate,
        seconds: summary.seconds.toFixed(1),
      },
    ],
    false,
  );
  if (summary.createdCustomers > 0) {
    console.log(
      `${summary.createdCustomers.toLocaleString("en")} customers named in the file were new and were created.`,
    );
  }
  if (summary.createdLocations > 0) console.log(`${summary.createdLocations} new locations were created.`);
  if (refresh) {
    const failed = refresh.filter((r) => r.error);
    console.log(
      `Figures updated (${refresh.map((r) => `${r.step} ${(r.ms / 1000).toFixed(1)} s`).join(", ")})${failed.length ? `; failed: ${failed.map((r) => `${r.step}: ${r.error}`).join("; ")}` : ""}.`,
    );
  }
  if (summary.rejected > 0 || summary.warnings > 0) {
    const issues = await listIssues(pool, ws.id, summary.runId, values.errors ? undefined : 20);
    console.log(
      `\n${summary.rejected} rejected rows, ${summary.warnings} warnings${values.errors ? "" : " (first 20; --errors for all)"}:`,
    );
    for (const i of issues) {
      console.log(
        `  line ${i.line ?? "-"}${i.column ? `, column "${i.column}"` : ""}: ${i.severity === "warning" ? "warning: " : ""}${i.message}`,
      );
    }
  }
}
