import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { announceDataChanged } from "../../platform/jobs/events.ts";
import { loadBlock, noticeIssues, zero } from "./block-load.ts";
import { bulkMinRows, OrdersBulkLoad } from "./bulk.ts";
import { mergeBatch, prepareStages } from "./merge.ts";
import {
  autoMap,
  CDNOW_PRESET,
  type ColumnMapping,
  createRowConverter,
  type EntityKind,
  type EntityRows,
  type Mapping,
  type OpenFormat,
  openTable,
  type SourceRow,
} from "./parse/index.ts";
import * as store from "./store.ts";

export type ImportOptions = {
  workspaceId: number;
  entity: EntityKind;
  /** The file on disk (an upload is saved to a temporary file first). */
  file: string;
  fileName?: string;
  format?: OpenFormat;
  /** column → field or "ignore" (`--map`). */
  overrides?: Record<string, string>;
  defaults?: Record<string, string>;
  dryRun?: boolean;
  source?: "file" | "web";
  createdBy?: number | null;
  /** Rows per transaction; each committed batch survives a crash and is skipped by a re-run. */
  batchSize?: number;
};

export type ImportProgress = {
  runId: number;
  rowsRead: number;
  /** Estimated from the file's line count; undefined for spreadsheets. */
  totalRows: number | undefined;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** "indexing": a block load has sent every row and builds its indexes (no count moves meanwhile). */
  phase?: "rows" | "indexing";
};

export type ImportSummary = store.RunCounters & {
  runId: number;
  dryRun: boolean;
  mapping: ColumnMapping[];
  resumedFrom: number | null;
  skippedLines: number;
  warnings: number;
  seconds: number;
  /** For a block load: milliseconds per phase (bench/intake.ts prints them). */
  phases?: Record<string, number>;
  /** For a block load: rows read straight from the file's bytes by the fast lane (block-load.ts). */
  laneRows?: number;
};

// SHA-256 of a file, on a thread of its own (plain JavaScript: no loader needed to run it).
const SHA_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const hash = createHash("sha256");
const fd = fs.openSync(workerData, "r");
const buf = Buffer.allocUnsafe(1 << 20);
try {
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
} finally {
  fs.closeSync(fd);
}
parentPort.postMessage(hash.digest("hex"));
`;

/**
 * SHA-256 and line count of a file (the line count feeds the progress bar and sizes a block load): the hash
 * on a worker thread while this one counts, each reading the file once (about 0.35 s instead of 0.4–0.8 s
 * for 400 MB, before an import can start).
 */
async function fingerprint(file: string): Promise<{ sha256: string; lines: number; bytes: number }> {
  const worker = new Worker(SHA_WORKER, { eval: true, workerData: file });
  const sha256 = new Promise<string>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the hash of ${file} stopped (exit ${code})`)));
  });
  sha256.catch(() => {}); // awaited below; a failure here (no such file) is reported by the count first
  let lines = 0;
  let last = 10;
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) {
      const b = n === buf.length ? buf : buf.subarray(0, n);
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
      last = b[n - 1]!;
    }
  } finally {
    closeSync(fd);
  }
  if (last !== 10) lines++;
  return { sha256: await sha256, lines, bytes: statSync(file).size };
}

/**
 * Streams a file into the workspace: read → map columns → validate rows → per batch, in one transaction,
 * stage with COPY, merge, record the rejected rows and the run's counters. Memory stays bounded by the batch.
 */
export async function importFile(
  pool: pg.Pool,
  o: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  onStarted?: (runId: number) => void,
): Promise<ImportSummary> {
  const started = Date.now();
  const cdnow = o.format === "cdnow";
  if (cdnow && o.entity !== "orders") throw new AppError("bad_request", "--format cdnow holds orders only");
  const ws = await store.workspaceDefaults(pool, o.workspaceId);
  const fileName = o.fileName ?? path.basename(o.file);
  const fp = await fingerprint(o.file);
  const reader = await openTable(o.file, { format: o.format ?? "auto", fileName });
  const overrides = { ...(cdnow ? CDNOW_PRESET.overrides : {}), ...o.overrides };
  const outcome = autoMap(o.entity, reader.columns, { overrides, defaults: o.defaults });
  if (!outcome.ok) {
    throw new AppError(
      "validation",
      `The columns of ${fileName} do not fit ${o.entity}: ${outcome.errors.map((e) => e.message).join("; ")}`,
      outcome.errors.map((e) => ({ code: e.code, message: e.message, ...e.params })),
    );
  }
  const mapping = outcome.mapping;
  const converter = createRowConverter(mapping, {
    timeZone: cdnow ? CDNOW_PRESET.timeZone : ws.timeZone,
    currency: cdnow ? CDNOW_PRESET.currency : ws.currency,
  });
  const totalRows =
    reader.format === "xlsx" ? undefined : Math.max(0, fp.lines - (reader.format === "csv" ? 1 : 0));
  const resume = o.dryRun ? undefined : await store.findResumable(pool, o.workspaceId, o.entity, fp.sha256);
  const skipUntil = resume?.committedLine ?? 0;
  const runId = await store.createRun(pool, {
    workspaceId: o.workspaceId,
    entity: o.entity,
    source: o.source ?? "file",
    fileName,
    sha256: fp.sha256,
    bytes: fp.bytes,
    format: reader.format,
    mapping: mapping.report,
    dryRun: o.dryRun,
    createdBy: o.createdBy,
    resumedFrom: resume?.id ?? null,
    totalRows: totalRows ?? null,
  });
  onStarted?.(runId);
  const totals = zero();
  let warnings = 0;
  let skipped = 0;
  let phases: Record<string, number> | undefined;
  let laneRows: number | undefined;
  const client = await pool.connect();
  try {
    await prepareStages(client);
    // A workspace's first large orders file loads as one block (bulk.ts); anything else row by row.
    const block =
      !o.dryRun && o.entity === "orders" && skipUntil === 0 && (totalRows ?? 0) >= bulkMinRows()
        ? await OrdersBulkLoad.begin(pool, client, o.workspaceId, totalRows ?? 0)
        : undefined;
    if (block) {
      const b = await loadBlock(
        block,
        client,
        reader,
        converter,
        {
          file: o.file,
          workspaceId: o.workspaceId,
          runId,
          mapping: mapping as Mapping<"orders">,
          timeZone: cdnow ? CDNOW_PRESET.timeZone : ws.timeZone,
          currency: cdnow ? CDNOW_PRESET.currency : ws.currency,
          batchSize: o.batchSize,
        },
        (p) => onProgress?.({ runId, totalRows, ...p }),
      );
      Object.assign(totals, b.totals);
      warnings = b.warnings;
      phases = b.phases;
      laneRows = b.laneRows;
      await store.finishRun(pool, o.workspaceId, runId, "done", null);
    } else {
      // Parsing a batch (here) and merging the one before it (in PostgreSQL) overlap: the next batch is read
      // and converted while the previous commit is still running, and commits stay in file order.
      let inflight: Promise<void> = Promise.resolve();
      const write = async (rows: SourceRow[]) => {
        const batch = converter.convertBatch(rows);
        const lastLine = rows[rows.length - 1]?.line ?? 0;
        await inflight;
        inflight = commit(batch, lastLine);
        inflight.catch(() => {}); // awaited (and thrown) at the next write or at the end
      };
      const commit = async (batch: ReturnType<typeof converter.convertBatch>, lastLine: number) => {
        // Lines an earlier, interrupted run already committed: parsed (ids derived from content stay the
        // same) but not written again.
        const fresh = batch.rows.filter((r) => r.line > skipUntil) as EntityRows[EntityKind][];
        const errors = batch.errors.filter((e) => e.line > skipUntil);
        skipped += batch.rows.length - fresh.length + (batch.errors.length - errors.length);
        const c = zero();
        await client.query("BEGIN");
        try {
          const m =
            fresh.length > 0
              ? await mergeBatch(client, o.workspaceId, o.entity, fresh, { perRecord: false })
              : undefined;
          c.read = fresh.length + errors.length;
          c.rejected = errors.length;
          c.inserted = m?.inserted ?? 0;
          c.updated = m?.updated ?? 0;
          c.unchanged = fresh.length - c.inserted - c.updated;
          c.createdCustomers = m?.createdCustomers ?? 0;
          c.createdLocations = m?.createdLocations ?? 0;
          const issues: store.ReportedIssue[] = [
            ...errors.map((e) => ({ ...e, severity: "error" as const })),
            ...batch.warnings
              .filter((w) => w.line > skipUntil)
              .map((w) => ({ ...w, severity: "warning" as const })),
            ...(m?.warnings ?? []).map((w) => ({
              line: w.line,
              column: null,
              value: w.externalId,
              code: w.code as never,
              params: {},
              message: w.message,
              severity: "warning" as const,
            })),
          ];
          warnings += issues.filter((i) => i.severity === "warning").length;
          await store.writeIssues(client, o.workspaceId, runId, issues);
          await store.addToRun(client, o.workspaceId, runId, c, lastLine);
          await client.query(o.dryRun ? "ROLLBACK" : "COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          throw e;
        }
        if (o.dryRun) await store.addToRun(pool, o.workspaceId, runId, c, lastLine);
        for (const k of Object.keys(c) as Array<keyof store.RunCounters>) totals[k] += c[k];
        onProgress?.({ runId, rowsRead: totals.read + skipped, totalRows, ...pick(totals) });
      };
      await inBatches(reader.batches, o.batchSize ?? 20_000, write);
      await inflight;
      // File-level notices (NUL bytes removed, undecodable bytes) go into the report as warnings.
      const notices = noticeIssues(reader);
      await store.writeIssues(client, o.workspaceId, runId, notices);
      warnings += notices.length;
      await store.finishRun(pool, o.workspaceId, runId, "done", null);
    }
  } catch (e) {
    await store.finishRun(pool, o.workspaceId, runId, "failed", (e as Error).message).catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  if (!o.dryRun && totals.inserted + totals.updated > 0) {
    await announceDataChanged({ workspaceId: o.workspaceId, entity: o.entity, since: new Date(started) });
  }
  return {
    runId,
    dryRun: o.dryRun ?? false,
    ...totals,
    mapping: mapping.report,
    resumedFrom: resume?.id ?? null,
    skippedLines: skipped,
    warnings,
    seconds: (Date.now() - started) / 1000,
    ...(phases ? { phases, laneRows } : {}),
  };
}

/** The reader's rows regrouped into batches of at least `size` rows (the last one smaller), in file order. */
async function inBatches(
  source: AsyncIterable<SourceRow[]>,
  size: number,
  write: (rows: SourceRow[]) => Promise<void>,
): Promise<void> {
  let pending: SourceRow[] = [];
  for await (const rows of source) {
    for (const r of rows) pending.push(r);
    if (pending.length >= size) {
      await write(pending);
      pending = [];
    }
  }
  if (pending.length > 0) await write(pending);
}

const pick = (t: store.RunCounters) => ({
  inserted: t.inserted,
  updated: t.updated,
  unchanged: t.unchanged,
  rejected: t.rejected,
});
